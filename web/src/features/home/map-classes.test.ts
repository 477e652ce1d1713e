import { describe, expect, it } from 'vitest';
import { classOf, mapClasses } from './map-classes';

describe('map legend classes', () => {
  it('never reads « 3 à 3 »: a class of one value is that value', () => {
    expect(mapClasses([0, 1, 2, 3, 3, 0]).map((c) => c.label)).toEqual(['1', '2', '3']);
    expect(mapClasses([1, 2, 3, 5]).map((c) => c.label)).toEqual(['1', '2', '3', '4 à 5']);
    for (const values of [[3, 3, 3], [1, 1, 2, 40], [0, 0, 7, 8, 9, 10, 11, 12, 30], Array.from({ length: 101 }, (_, i) => i)]) {
      for (const c of mapClasses(values)) expect(c.label).not.toMatch(/^(\S+) à \1$/);
    }
  });

  it('splits many values at round numbers, the last class ending at the largest value, every value in one class', () => {
    const values = [0, 1, 1, 2, 3, 4, 6, 8, 9, 12, 14, 17, 19, 23, 28, 31, 42];
    const classes = mapClasses(values);
    expect(classes.map((c) => c.label)).toEqual(['1 à 5', '6 à 15', '16 à 25', '26 à 42']);
    for (const v of values.filter((x) => x > 0)) expect(classOf(classes, v), String(v)).toBeGreaterThanOrEqual(0);
    expect(classOf(classes, 0)).toBe(-1);
  });

  it('has no class when every value is zero', () => {
    expect(mapClasses([0, 0])).toEqual([]);
  });
});
