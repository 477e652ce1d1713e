import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectStageLabels } from '../../shared/vocabulary';
import {
  checkEligibility,
  compileMeasure,
  criteria,
  type EligibilityRules,
  type EligibilitySubject,
  noRules,
  sizes,
  verdictOf,
  yearsBetween,
} from './eligibility';
import { randomEligibilityInstance } from './generate';

const NNBSP = '\u202F';
const today = '2021-01-15';
const scic: EligibilitySubject = {
  legalCategory: '5560',
  kind: 'ess_structure',
  ess: true,
  esus: true,
  regionCode: '84',
  departementCode: '26',
  epciCode: null,
  communeCode: '26362',
  foundedOn: '2017-06-01',
  size: 'tpe',
  stage: 'development',
  fundingNeedEur: 80_000,
};
const measure = (rules: Partial<EligibilityRules>) => ({ id: 'm1', rules: { ...noRules, ...rules } });
const names = new Map([
  ['region:76', 'Occitanie'],
  ['region:84', 'Auvergne-Rhône-Alpes'],
]);

describe('eligibility engine', () => {
  it('says per criterion why, in French with French typography', () => {
    const ok = checkEligibility(measure({ legalCategories: ['5560'] }), scic, { today });
    expect(ok).toEqual({
      measureId: 'm1',
      verdict: 'eligible',
      criteria: [{ criterion: 'legalCategory', status: 'pass', message: 'forme juridique SCIC (5560) admise' }],
    });
    const out = checkEligibility(measure({ territories: ['region:76'] }), scic, { today, names });
    expect(out.verdict).toBe('not_eligible');
    expect(out.criteria[0]).toEqual({ criterion: 'territory', status: 'fail', message: 'département 26 hors du périmètre (Occitanie seulement)' });
    const unknown = checkEligibility(measure({ minAgeYears: 2 }), { ...scic, foundedOn: null }, { today });
    expect(unknown).toMatchObject({
      verdict: 'to_check',
      criteria: [{ criterion: 'age', status: 'unknown', message: `ancienneté inconnue${NNBSP}: à vérifier` }],
    });
    const amount = checkEligibility(measure({ maxAmountEur: 50_000 }), scic, { today });
    expect(amount.criteria[0]?.message).toBe(`besoin de 80${NNBSP}000\u00A0€ au-delà du plafond de 50${NNBSP}000\u00A0€`);
    const stage = checkEligibility(measure({ stages: ['idea'] }), scic, { today, stageLabels: projectStageLabels });
    expect(stage.criteria[0]?.message).toBe(`stade «${NNBSP}développement${NNBSP}» non admis (admis${NNBSP}: Idée)`);
  });

  it('reads families of legal categories and prefixes', () => {
    for (const rule of ['cooperative', '55', '5']) expect(checkEligibility(measure({ legalCategories: [rule] }), scic, { today }).verdict).toBe('eligible');
    expect(checkEligibility(measure({ legalCategories: ['association'] }), scic, { today }).verdict).toBe('not_eligible');
    expect(checkEligibility(measure({ legalCategories: ['association'] }), { ...scic, legalCategory: '9220' }, { today }).verdict).toBe('eligible');
  });

  it('counts whole years of age', () => {
    expect(yearsBetween('2019-01-15', '2021-01-15')).toBe(2);
    expect(yearsBetween('2019-01-16', '2021-01-15')).toBe(1);
    expect(checkEligibility(measure({ minAgeYears: 4 }), scic, { today }).verdict).toBe('not_eligible');
    expect(checkEligibility(measure({ minAgeYears: 3 }), scic, { today }).verdict).toBe('eligible');
  });

  it('a measure without rules admits everyone, with no criterion to explain', () => {
    expect(checkEligibility(measure({}), { ...scic, legalCategory: null }, { today })).toEqual({ measureId: 'm1', verdict: 'eligible', criteria: [] });
  });

  const subjectArb = fc.record({
    legalCategory: fc.option(fc.constantFrom('9220', '5560', '5710', '9300')),
    kind: fc.option(fc.constantFrom('ess_structure', 'siae', 'large_company')),
    ess: fc.option(fc.boolean()),
    esus: fc.option(fc.boolean()),
    regionCode: fc.option(fc.constantFrom('84', '76', '11')),
    departementCode: fc.option(fc.constantFrom('26', '34', '75')),
    epciCode: fc.constant(null),
    communeCode: fc.constant(null),
    foundedOn: fc.option(fc.constantFrom('2000-01-01', '2019-06-30', '2020-12-31')),
    size: fc.option(fc.constantFrom(...sizes)),
    stage: fc.option(fc.constantFrom('idea', 'launch', 'development', 'scale_up')),
    fundingNeedEur: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
  });
  const rulesArb = fc.record({
    legalCategories: fc.subarray(['association', 'cooperative', '5710', '93']),
    kinds: fc.subarray(['ess_structure', 'siae']),
    essRequired: fc.boolean(),
    esusRequired: fc.boolean(),
    territories: fc.subarray(['region:84', 'departement:34', 'region:11']),
    minAgeYears: fc.option(fc.integer({ min: 0, max: 10 })),
    sizes: fc.subarray([...sizes]),
    stages: fc.subarray(['idea', 'launch', 'development', 'scale_up']),
    maxAmountEur: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
  });

  it('property: the verdict follows the criteria, the fast path agrees, every sentence is typeset', () => {
    fc.assert(
      fc.property(subjectArb, rulesArb, (subject, rules) => {
        const m = { id: 'x', rules };
        const e = checkEligibility(m, subject, { today, names });
        const statuses = e.criteria.map((c) => c.status);
        const expected = statuses.includes('fail') ? 'not_eligible' : statuses.includes('unknown') ? 'to_check' : 'eligible';
        expect(e.verdict).toBe(expected);
        expect(verdictOf(compileMeasure(m), subject, today)).toBe(e.verdict);
        // Criteria come in the engine's fixed order, one each at most.
        const order = e.criteria.map((c) => criteria.indexOf(c.criterion));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(new Set(order).size).toBe(order.length);
        for (const c of e.criteria) {
          expect(c.message.length).toBeGreaterThan(0);
          expect(c.message).not.toMatch(/ [:;!?»]|« |'/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: an unknown fact never makes a verdict better than knowing it would', () => {
    const rank = { eligible: 0, to_check: 1, not_eligible: 2 } as const;
    fc.assert(
      fc.property(subjectArb, rulesArb, fc.constantFrom(...(Object.keys(scic) as Array<keyof EligibilitySubject>)), (subject, rules, field) => {
        const m = compileMeasure({ id: 'x', rules });
        const known = verdictOf(m, subject, today);
        const hidden = verdictOf(m, { ...subject, [field]: null }, today);
        // Hiding a fact turns a pass or a fail into « to check », never into a new failure.
        if (known === 'eligible') expect(hidden).not.toBe('not_eligible');
        if (known === 'not_eligible') expect(rank[hidden]).toBeGreaterThanOrEqual(rank.to_check);
      }),
    );
  });

  it('property: adding a constraint never widens who is eligible', () => {
    fc.assert(
      fc.property(subjectArb, rulesArb, (subject, rules) => {
        const loose = verdictOf(compileMeasure({ id: 'x', rules: { ...rules, essRequired: false } }), subject, today);
        const strict = verdictOf(compileMeasure({ id: 'x', rules: { ...rules, essRequired: true } }), subject, today);
        const rank = { eligible: 0, to_check: 1, not_eligible: 2 } as const;
        expect(rank[strict]).toBeGreaterThanOrEqual(rank[loose]);
      }),
    );
  });

  it('agrees with itself on a random instance', () => {
    const { subjects, measures } = randomEligibilityInstance(200, 30, 3);
    const seen = new Set<string>();
    for (const m of measures) {
      const c = compileMeasure(m);
      for (const s of subjects) {
        const v = verdictOf(c, s, today);
        seen.add(v);
        expect(checkEligibility(c, s, { today }).verdict).toBe(v);
      }
    }
    expect(seen).toEqual(new Set(['eligible', 'to_check', 'not_eligible']));
  });
});
