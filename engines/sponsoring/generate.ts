import { sponsorshipCategories } from '../../shared/vocabulary';
import { seededRandom } from '../scheduling/schedule';
import type { NeedItem, SponsorItem } from './sponsoring';

const REGIONS = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];

/**
 * A random but realistic instance for tests and benchmarks: needs with one to
 * three categories, sponsors with two to four expertises, capacities 1–3, a
 * third of them national, administrations wished now and then.
 */
export function randomSponsoringInstance(nNeeds: number, nSponsors: number, seed = 1, administrations = 20) {
  const random = seededRandom(seed);
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)] as T;
  const some = <T>(xs: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(xs)))];
  const admins = Array.from({ length: administrations }, (_, i) => `a${i}`);
  const needs: NeedItem[] = Array.from({ length: nNeeds }, (_, i) => {
    const region = pick(REGIONS);
    return {
      id: `n${i}`,
      categories: some(sponsorshipCategories, int(1, 3)),
      administrationIds: random() < 0.3 ? some(admins, int(1, 2)) : [],
      territories: [`departement:${region}0`, `region:${region}`],
    };
  });
  const sponsors: SponsorItem[] = Array.from({ length: nSponsors }, (_, i) => {
    const capacity = int(1, 3);
    const active = int(0, capacity - 1);
    return {
      id: `s${i}`,
      administrationId: pick(admins),
      expertise: some(sponsorshipCategories, int(2, 4)),
      territories: random() < 0.35 ? [] : some(REGIONS, int(1, 2)).map((r) => `region:${r}`),
      capacity,
      load: active,
      active,
    };
  });
  return { needs, sponsors };
}
