import { assign } from '../engines/matching/assignment';
import { randomSponsoringInstance } from '../engines/sponsoring/generate';
import { propose } from '../engines/sponsoring/sponsoring';
const inst = randomSponsoringInstance(2000, 600, 42);
const t0 = performance.now();
propose(inst.needs, inst.sponsors, { k: 2 });
console.log('total', performance.now() - t0);
// raw assign timings on random edges
const nL = 2000, nR = 600;
for (const E of [4000, 8000, 16000]) {
  const edges = Array.from({ length: E }, (_, i) => ({ l: i % nL, r: Math.floor(Math.random() * nR), w: 100 + Math.floor(Math.random() * 900) }));
  const t = performance.now();
  assign(nL, nR, Array(nL).fill(1), Array(nR).fill(2), edges);
  console.log(E, performance.now() - t);
}
