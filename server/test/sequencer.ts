import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Files known to take minutes (browser journeys, the axe walk, backups and
// restores of the whole database, the fuzzing of every route): started first,
// so that none of them starts last and runs alone while the other workers
// idle. A fresh clone (CI) has no timings of an earlier run to sort by.
const slow = [
  /\/web\/e2e\/accessibility/,
  /\/web\/e2e\//,
  /\/server\/db\/backup\.test\.ts$/,
  /\/server\/http\/fuzz\.test\.ts$/,
  /\/cli\/cli\.test\.ts$/,
  /\/server\/graceful-shutdown\.test\.ts$/,
];
const rank = (file: string) => {
  const i = slow.findIndex((re) => re.test(file));
  return i === -1 ? slow.length : Math.min(i, 1);
};

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f.moduleId) - rank(b.f.moduleId) || a.i - b.i)
      .map(({ f }) => f);
  }
}
