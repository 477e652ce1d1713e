import { formatEur } from '../../shared/format';
import { fr } from '../../shared/text';

/**
 * ESS relance's eligibility engine: does a project (or a structure) fit a
 * recovery-plan measure, and why, criterion by criterion. Pure: the day of
 * reference and the territories' names are parameters; no I/O.
 *
 * Each criterion the measure constrains answers `pass`, `fail` or `unknown`
 * (the record lacks the fact) with a French sentence; the verdict is
 * `not_eligible` as soon as one fails, `to_check` when none fails but one is
 * unknown, `eligible` otherwise.
 */

export const criteria = ['legalCategory', 'kind', 'ess', 'esus', 'territory', 'age', 'size', 'stage', 'amount'] as const;
export type Criterion = (typeof criteria)[number];
export type CriterionStatus = 'pass' | 'fail' | 'unknown';
export type Verdict = 'eligible' | 'not_eligible' | 'to_check';

/** Company sizes as the recovery plan's measures name them (TPE, PME, ETI, grande entreprise). */
export const sizes = ['tpe', 'pme', 'eti', 'ge'] as const;
export type Size = (typeof sizes)[number];
export const sizeLabels: Record<Size, string> = { tpe: 'TPE', pme: 'PME', eti: 'ETI', ge: 'grande entreprise' };

/**
 * Families of INSEE legal categories a rule may name instead of codes (codes of
 * the « catégories juridiques » level III; a 1- or 2-digit code is a prefix).
 */
export const legalFamilies: Record<string, { label: string; codes: readonly string[] }> = {
  association: { label: 'association', codes: ['92'] },
  fondation: { label: 'fondation', codes: ['93'] },
  mutuelle: { label: 'mutuelle', codes: ['82'] },
  cooperative: {
    label: 'coopérative',
    codes: ['5443', '5451', '5453', '5454', '5455', '5458', '5459', '5460', '5558', '5559', '5560', '5658', '5659', '5660', '6316', '6317', '6318'],
  },
  societe: { label: 'société commerciale', codes: ['5'] },
};

/**
 * Names of the legal categories the demo and the measures meet. 5560 (« autre
 * SA coopérative à conseil d'administration ») is where SIRENE files the SCIC
 * constituted as SA, hence the name the network uses for it.
 */
export const legalCategoryLabels: Record<string, string> = {
  '5458': 'SCOP (SARL)',
  '5460': 'coopérative (SARL)',
  '5499': 'SARL',
  '5558': 'SCOP (SA)',
  '5560': 'SCIC',
  '5710': 'SAS',
  '6317': 'coopérative agricole',
  '8210': 'mutuelle',
  '9210': 'association non déclarée',
  '9220': 'association déclarée',
  '9221': 'association d’insertion par l’économique',
  '9222': 'association intermédiaire',
  '9230': 'association reconnue d’utilité publique',
  '9300': 'fondation',
};

export interface EligibilityRules {
  /** INSEE codes (4 digits), prefixes (1–2 digits) or family names (`association`, `cooperative`…); empty: any. */
  legalCategories: readonly string[];
  /** Organisation kinds (`ess_structure`, `siae`…); empty: any. */
  kinds: readonly string[];
  essRequired: boolean;
  esusRequired: boolean;
  /** `region:84`, `departement:26`, `epci:…`, `commune:…`; empty: national. */
  territories: readonly string[];
  minAgeYears: number | null;
  sizes: readonly Size[];
  /** Project stages (`idea`, `launch`, `development`, `scale_up`); empty: any. */
  stages: readonly string[];
  maxAmountEur: number | null;
}

export interface EligibilityMeasure {
  id: string;
  rules: EligibilityRules;
}

/** What is known of the project or structure; `null` is « not known ». */
export interface EligibilitySubject {
  legalCategory: string | null;
  kind: string | null;
  ess: boolean | null;
  esus: boolean | null;
  regionCode: string | null;
  departementCode: string | null;
  epciCode: string | null;
  communeCode: string | null;
  /** YYYY-MM-DD. */
  foundedOn: string | null;
  size: Size | null;
  /** A project's stage (a structure has none). */
  stage: string | null;
  fundingNeedEur: number | null;
}

export interface CriterionResult {
  criterion: Criterion;
  status: CriterionStatus;
  message: string;
}
export interface Eligibility {
  measureId: string;
  verdict: Verdict;
  criteria: CriterionResult[];
}

export interface EligibilityOptions {
  /** The day of reference for ages (YYYY-MM-DD). */
  today: string;
  /** Names of territories by key (`region:76` → `Occitanie`), for the sentences. */
  names?: ReadonlyMap<string, string>;
  /** Labels of organisation kinds and project stages, for the sentences. */
  kindLabels?: Readonly<Record<string, string>>;
  stageLabels?: Readonly<Record<string, string>>;
}

const territoryLevels = [
  ['commune', 'communeCode', 'commune'],
  ['epci', 'epciCode', 'intercommunalité'],
  ['departement', 'departementCode', 'département'],
  ['region', 'regionCode', 'région'],
] as const;

/** A measure made ready for many subjects: its rules as sets, parsed once. */
export interface CompiledMeasure {
  id: string;
  rules: EligibilityRules;
  legalPrefixes: readonly string[];
  kinds: ReadonlySet<string>;
  territories: { commune: Set<string>; epci: Set<string>; departement: Set<string>; region: Set<string> };
  sizes: ReadonlySet<string>;
  stages: ReadonlySet<string>;
}

/** Compile a measure's rules once before checking many subjects against it. */
export function compileMeasure(m: EligibilityMeasure): CompiledMeasure {
  const territories = { commune: new Set<string>(), epci: new Set<string>(), departement: new Set<string>(), region: new Set<string>() };
  for (const t of m.rules.territories) {
    const [kind, code] = t.split(':') as [keyof typeof territories, string];
    territories[kind]?.add(code);
  }
  return {
    id: m.id,
    rules: m.rules,
    legalPrefixes: m.rules.legalCategories.flatMap((c) => legalFamilies[c]?.codes ?? [c]),
    kinds: new Set(m.rules.kinds),
    territories,
    sizes: new Set(m.rules.sizes),
    stages: new Set(m.rules.stages),
  };
}

/** Whole years between two YYYY-MM-DD days. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

const S_PASS = 0;
const S_FAIL = 1;
const S_UNKNOWN = 2;

/** The status code of each criterion the measure constrains, in `criteria` order (no sentence: the fast path). */
function statuses(m: CompiledMeasure, s: EligibilitySubject, today: string, out: Array<[Criterion, number]>) {
  const r = m.rules;
  if (m.legalPrefixes.length)
    out.push(['legalCategory', s.legalCategory == null ? S_UNKNOWN : m.legalPrefixes.some((p) => s.legalCategory?.startsWith(p)) ? S_PASS : S_FAIL]);
  if (m.kinds.size) out.push(['kind', s.kind == null ? S_UNKNOWN : m.kinds.has(s.kind) ? S_PASS : S_FAIL]);
  if (r.essRequired) out.push(['ess', s.ess == null ? S_UNKNOWN : s.ess ? S_PASS : S_FAIL]);
  if (r.esusRequired) out.push(['esus', s.esus == null ? S_UNKNOWN : s.esus ? S_PASS : S_FAIL]);
  if (r.territories.length) {
    const t = m.territories;
    const known = s.regionCode ?? s.departementCode ?? s.epciCode ?? s.communeCode;
    const inside =
      (s.regionCode != null && t.region.has(s.regionCode)) ||
      (s.departementCode != null && t.departement.has(s.departementCode)) ||
      (s.epciCode != null && t.epci.has(s.epciCode)) ||
      (s.communeCode != null && t.commune.has(s.communeCode));
    out.push(['territory', inside ? S_PASS : known == null ? S_UNKNOWN : S_FAIL]);
  }
  if (r.minAgeYears != null) out.push(['age', s.foundedOn == null ? S_UNKNOWN : yearsBetween(s.foundedOn, today) >= r.minAgeYears ? S_PASS : S_FAIL]);
  if (m.sizes.size) out.push(['size', s.size == null ? S_UNKNOWN : m.sizes.has(s.size) ? S_PASS : S_FAIL]);
  if (m.stages.size) out.push(['stage', s.stage == null ? S_UNKNOWN : m.stages.has(s.stage) ? S_PASS : S_FAIL]);
  if (r.maxAmountEur != null) out.push(['amount', s.fundingNeedEur == null ? S_UNKNOWN : s.fundingNeedEur <= r.maxAmountEur ? S_PASS : S_FAIL]);
}

/**
 * The verdict alone, without sentences: what a batch of thousands of pairs needs.
 *
 * @example verdictOf(compileMeasure({ id: 'm', rules: { ...noRules, essRequired: true } }), { ...subject, ess: true }, '2021-01-01') // 'eligible'
 */
export function verdictOf(m: CompiledMeasure, s: EligibilitySubject, today: string): Verdict {
  const r = m.rules;
  let unknown = false;
  // Same rules as `statuses`, inlined with an early exit on the first failure.
  if (m.legalPrefixes.length) {
    if (s.legalCategory == null) unknown = true;
    else if (!m.legalPrefixes.some((p) => s.legalCategory?.startsWith(p))) return 'not_eligible';
  }
  if (m.kinds.size) {
    if (s.kind == null) unknown = true;
    else if (!m.kinds.has(s.kind)) return 'not_eligible';
  }
  if (r.essRequired) {
    if (s.ess == null) unknown = true;
    else if (!s.ess) return 'not_eligible';
  }
  if (r.esusRequired) {
    if (s.esus == null) unknown = true;
    else if (!s.esus) return 'not_eligible';
  }
  if (r.territories.length) {
    const t = m.territories;
    const inside =
      (s.regionCode != null && t.region.has(s.regionCode)) ||
      (s.departementCode != null && t.departement.has(s.departementCode)) ||
      (s.epciCode != null && t.epci.has(s.epciCode)) ||
      (s.communeCode != null && t.commune.has(s.communeCode));
    if (!inside) {
      if ((s.regionCode ?? s.departementCode ?? s.epciCode ?? s.communeCode) == null) unknown = true;
      else return 'not_eligible';
    }
  }
  if (r.minAgeYears != null) {
    if (s.foundedOn == null) unknown = true;
    else if (yearsBetween(s.foundedOn, today) < r.minAgeYears) return 'not_eligible';
  }
  if (m.sizes.size) {
    if (s.size == null) unknown = true;
    else if (!m.sizes.has(s.size)) return 'not_eligible';
  }
  if (m.stages.size) {
    if (s.stage == null) unknown = true;
    else if (!m.stages.has(s.stage)) return 'not_eligible';
  }
  if (r.maxAmountEur != null) {
    if (s.fundingNeedEur == null) unknown = true;
    else if (s.fundingNeedEur > r.maxAmountEur) return 'not_eligible';
  }
  return unknown ? 'to_check' : 'eligible';
}

const legalName = (code: string) => {
  const family = legalFamilies[code];
  if (family) return family.label;
  const label = legalCategoryLabels[code];
  return label ? `${label} (${code})` : code;
};
const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ou ${xs.at(-1)}`);

function sentence(m: CompiledMeasure, s: EligibilitySubject, criterion: Criterion, status: number, o: EligibilityOptions): string {
  const r = m.rules;
  const kindLabel = (k: string) => o.kindLabels?.[k] ?? k;
  const stageLabel = (k: string) => o.stageLabels?.[k] ?? k;
  const territoryName = (key: string) => o.names?.get(key) ?? key.replace(':', ' ');
  switch (criterion) {
    case 'legalCategory': {
      const admitted = list(r.legalCategories.map(legalName));
      if (status === S_UNKNOWN) return fr`forme juridique inconnue : à vérifier (admises : ${admitted})`;
      const own = legalName(s.legalCategory as string);
      return status === S_PASS ? fr`forme juridique ${own} admise` : fr`forme juridique ${own} non admise (admises : ${admitted})`;
    }
    case 'kind': {
      const admitted = list(r.kinds.map(kindLabel));
      if (status === S_UNKNOWN) return fr`type de structure inconnu : à vérifier (admis : ${admitted})`;
      const own = kindLabel(s.kind as string);
      return status === S_PASS ? fr`type de structure admis : ${own}` : fr`type de structure non admis : ${own} (admis : ${admitted})`;
    }
    case 'ess':
      return status === S_UNKNOWN
        ? fr`appartenance à l’ESS inconnue : à vérifier`
        : status === S_PASS
          ? fr`structure de l’ESS (loi du 31 juillet 2014)`
          : fr`structure hors ESS : la mesure est réservée à l’ESS`;
    case 'esus':
      return status === S_UNKNOWN
        ? fr`agrément ESUS inconnu : à vérifier`
        : status === S_PASS
          ? fr`agrément ESUS obtenu`
          : fr`sans agrément ESUS : la mesure l’exige`;
    case 'territory': {
      const perimeter = list(r.territories.map(territoryName));
      if (status === S_UNKNOWN) return fr`localisation inconnue : à vérifier (périmètre : ${perimeter})`;
      // Name the subject at the level the perimeter speaks of (a département for a regional measure reads best at département level).
      const levels = territoryLevels.filter(([k]) => m.territories[k].size > 0);
      const finest = territoryLevels.find(([, field]) => s[field] != null);
      if (status === S_PASS) {
        const hit = levels.find(([k, field]) => s[field] != null && m.territories[k].has(s[field] as string));
        const [k, field, label] = hit ?? finest ?? territoryLevels[3];
        return fr`${label} ${s[field] ?? k} dans le périmètre (${perimeter})`;
      }
      const where = territoryLevels.find(([, field]) => field === 'departementCode' && s[field] != null) ?? finest ?? territoryLevels[3];
      return fr`${where[2]} ${s[where[1]] ?? ''} hors du périmètre (${perimeter} seulement)`;
    }
    case 'age': {
      const min = r.minAgeYears as number;
      if (status === S_UNKNOWN) return fr`ancienneté inconnue : à vérifier`;
      const years = yearsBetween(s.foundedOn as string, o.today);
      const age = years < 1 ? 'moins d’un an' : years === 1 ? '1 an' : `${years} ans`;
      return status === S_PASS
        ? fr`ancienneté de ${age} (au moins ${min} an${min > 1 ? 's' : ''} exigé${min > 1 ? 's' : ''})`
        : fr`ancienneté de ${age} : au moins ${min} an${min > 1 ? 's' : ''} exigé${min > 1 ? 's' : ''}`;
    }
    case 'size': {
      const admitted = list(r.sizes.map((z) => sizeLabels[z]));
      if (status === S_UNKNOWN) return fr`taille de la structure inconnue : à vérifier (admises : ${admitted})`;
      const own = sizeLabels[s.size as Size];
      return status === S_PASS ? fr`taille admise : ${own}` : fr`taille non admise : ${own} (admises : ${admitted})`;
    }
    case 'stage': {
      const admitted = list(r.stages.map(stageLabel));
      if (status === S_UNKNOWN) return fr`stade du projet inconnu : à vérifier (admis : ${admitted})`;
      const own = stageLabel(s.stage as string).toLowerCase();
      return status === S_PASS ? fr`stade « ${own} » admis` : fr`stade « ${own} » non admis (admis : ${admitted})`;
    }
    case 'amount': {
      const max = formatEur(r.maxAmountEur);
      if (status === S_UNKNOWN) return fr`besoin de financement inconnu : à vérifier (plafond : ${max})`;
      const need = formatEur(s.fundingNeedEur);
      return status === S_PASS ? fr`besoin de ${need} dans le plafond de ${max}` : fr`besoin de ${need} au-delà du plafond de ${max}`;
    }
  }
}

const statusNames: readonly CriterionStatus[] = ['pass', 'fail', 'unknown'];

/**
 * A subject against a measure, criterion by criterion, with a sentence each.
 *
 * @example
 * checkEligibility({ id: 'm1', rules: { ...noRules, legalCategories: ['5560'] } }, { ...subject, legalCategory: '5560' }, { today: '2021-01-15' })
 * // { measureId: 'm1', verdict: 'eligible', criteria: [{ criterion: 'legalCategory', status: 'pass', message: 'forme juridique SCIC (5560) admise' }] }
 */
export function checkEligibility(measure: EligibilityMeasure | CompiledMeasure, subject: EligibilitySubject, o: EligibilityOptions): Eligibility {
  const m = 'legalPrefixes' in measure ? measure : compileMeasure(measure);
  const out: Array<[Criterion, number]> = [];
  statuses(m, subject, o.today, out);
  const results = out.map(([criterion, status]) => ({
    criterion,
    status: statusNames[status] as CriterionStatus,
    message: sentence(m, subject, criterion, status, o),
  }));
  const verdict: Verdict = results.some((c) => c.status === 'fail') ? 'not_eligible' : results.some((c) => c.status === 'unknown') ? 'to_check' : 'eligible';
  return { measureId: m.id, verdict, criteria: results };
}

/** Rules that constrain nothing (a national measure open to all): the base to spread a rule onto. */
export const noRules: EligibilityRules = {
  legalCategories: [],
  kinds: [],
  essRequired: false,
  esusRequired: false,
  territories: [],
  minAgeYears: null,
  sizes: [],
  stages: [],
  maxAmountEur: null,
};

/** Verdicts sort best first: eligible, to check, not eligible. */
export const verdictRank: Record<Verdict, number> = { eligible: 0, to_check: 1, not_eligible: 2 };
