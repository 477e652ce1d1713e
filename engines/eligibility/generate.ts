import { seededRandom } from '../scheduling/schedule';
import { type EligibilityMeasure, type EligibilitySubject, noRules, sizes } from './eligibility';

const REGIONS: Record<string, readonly string[]> = {
  '84': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  '76': ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  '11': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '53': ['22', '29', '35', '56'],
  '93': ['04', '05', '06', '13', '83', '84'],
};
const LEGAL = ['9220', '9230', '9300', '5560', '5458', '5710', '5499', '8210', null] as const;
const KINDS = ['ess_structure', 'siae', 'large_company', 'local_authority', 'support_organisation'] as const;
const STAGES = ['idea', 'launch', 'development', 'scale_up'] as const;

/**
 * Random but plausible subjects and measures for tests and the benchmark:
 * a tenth of each fact unknown, measures constraining two to five criteria.
 */
export function randomEligibilityInstance(nSubjects: number, nMeasures: number, seed = 1) {
  const random = seededRandom(seed);
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)] as T;
  const maybe = <T>(v: T): T | null => (random() < 0.1 ? null : v);
  const regions = Object.keys(REGIONS);
  const subjects: EligibilitySubject[] = Array.from({ length: nSubjects }, () => {
    const region = pick(regions);
    const ess = maybe(random() < 0.8);
    return {
      legalCategory: maybe(pick(LEGAL)),
      kind: maybe(pick(KINDS)),
      ess,
      esus: ess === false ? false : maybe(random() < 0.4),
      regionCode: maybe(region),
      departementCode: maybe(pick(REGIONS[region] as readonly string[])),
      epciCode: null,
      communeCode: null,
      foundedOn: maybe(`${int(1990, 2020)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`),
      size: maybe(pick(sizes)),
      stage: maybe(pick(STAGES)),
      fundingNeedEur: maybe(int(1, 400) * 1000),
    };
  });
  const measures: EligibilityMeasure[] = Array.from({ length: nMeasures }, (_, i) => {
    const rules = { ...noRules };
    if (random() < 0.4) rules.legalCategories = random() < 0.5 ? ['association', 'cooperative'] : ['92', '5560'];
    if (random() < 0.3) rules.kinds = ['ess_structure', 'siae'];
    if (random() < 0.5) rules.essRequired = true;
    if (random() < 0.2) rules.esusRequired = true;
    if (random() < 0.4)
      rules.territories = random() < 0.5 ? [`region:${pick(regions)}`] : [`departement:${pick(REGIONS['84'] as readonly string[])}`, 'region:76'];
    if (random() < 0.3) rules.minAgeYears = int(1, 3);
    if (random() < 0.3) rules.sizes = ['tpe', 'pme'];
    if (random() < 0.3) rules.stages = ['launch', 'development'];
    if (random() < 0.4) rules.maxAmountEur = int(5, 300) * 1000;
    return { id: `m${i}`, rules };
  });
  return { subjects, measures };
}
