/**
 * Stable matching with capacities (hospitals/residents), left side proposing
 * (Gale–Shapley deferred acceptance). `leftPrefs[l]` lists acceptable right
 * items, best first; `rightRank[r]` maps a left item to its rank for r (lower
 * is better; absent = unacceptable). Returns the pairs [l, r].
 */
export function stableMatching(leftPrefs: number[][], capLeft: number[], rightRank: Array<Map<number, number>>, capRight: number[]): Array<[number, number]> {
  const nextChoice = new Int32Array(leftPrefs.length);
  const held: number[][] = rightRank.map(() => []);
  const placed = new Int32Array(leftPrefs.length);
  const queue: number[] = [];
  leftPrefs.forEach((_, l) => {
    for (let c = 0; c < (capLeft[l] as number); c++) queue.push(l);
  });
  while (queue.length) {
    const l = queue.pop() as number;
    const prefs = leftPrefs[l] as number[];
    while ((nextChoice[l] as number) < prefs.length) {
      const r = prefs[nextChoice[l] as number] as number;
      nextChoice[l] = (nextChoice[l] as number) + 1;
      const rank = rightRank[r]?.get(l);
      if (rank === undefined || (capRight[r] as number) === 0) continue;
      const list = held[r] as number[];
      if (list.includes(l)) continue;
      if (list.length < (capRight[r] as number)) {
        list.push(l);
        placed[l] = (placed[l] as number) + 1;
        break;
      }
      // Replace the worst held proposal when l is preferred.
      let worst = 0;
      for (let i = 1; i < list.length; i++)
        if ((rightRank[r]?.get(list[i] as number) as number) > (rightRank[r]?.get(list[worst] as number) as number)) worst = i;
      const w = list[worst] as number;
      if (rank < (rightRank[r]?.get(w) as number)) {
        list[worst] = l;
        placed[l] = (placed[l] as number) + 1;
        placed[w] = (placed[w] as number) - 1;
        queue.push(w);
        break;
      }
    }
  }
  const pairs: Array<[number, number]> = [];
  held.forEach((list, r) => {
    for (const l of list) pairs.push([l, r]);
  });
  return pairs;
}
