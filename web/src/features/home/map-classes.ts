import { formatInt } from '../../lib/format';

/** Round numbers a reader expects as class bounds. */
const NICE = [1, 2, 3, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000];
const nice = (n: number) => NICE.find((b) => b >= n) ?? Math.ceil(n / 1000) * 1000;

export interface MapClass {
  /** Smallest and largest value of the class (integers, both included). */
  from: number;
  to: number;
  label: string;
}

/**
 * Colour classes for counts: zero is its own class (« aucun »), the rest split
 * at round numbers near the quartiles of the non-zero values, the last class
 * ending at the largest value. With four distinct values or fewer, each gets
 * its class. A class of one value reads « 3 », never « 3 à 3 ».
 */
export function mapClasses(values: number[], maxClasses = 4): MapClass[] {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const max = positive[positive.length - 1] as number;
  const distinct = [...new Set(positive)];
  let uppers: number[];
  if (distinct.length <= maxClasses) uppers = distinct;
  else {
    const quantile = (q: number) => positive[Math.min(positive.length - 1, Math.floor(q * positive.length))] as number;
    uppers = [...Array(maxClasses - 1).keys()].map((i) => Math.min(max, nice(quantile((i + 1) / maxClasses))));
    uppers = [...new Set([...uppers, max])].sort((a, b) => a - b);
  }
  return uppers.map((to, i) => {
    const from = i === 0 ? 1 : (uppers[i - 1] as number) + 1;
    return { from, to, label: from === to ? formatInt(from) : `${formatInt(from)} à ${formatInt(to)}` };
  });
}

/** The class index of a value (-1 for zero). */
export const classOf = (classes: MapClass[], n: number) => (n <= 0 ? -1 : classes.findIndex((c) => n <= c.to));
