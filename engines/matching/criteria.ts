import { fr, NBSP } from '../../shared/text';
import { themes as themeList } from '../../shared/vocabulary';
import type { Criterion, LeftItem, RightItem } from './types';

const STAGES = ['idea', 'launch', 'development', 'scale_up'] as const;
const STAGE_FR: Record<string, string> = { idea: 'Idée', launch: 'Lancement', development: 'Développement', scale_up: "Changement d'échelle" };
const INSTRUMENTS = ['grant', 'loan', 'equity', 'quasi_equity'] as const;
const STAGE_TARGETED: Record<string, string> = Object.fromEntries(Object.entries(STAGE_FR).map(([k, v]) => [k, fr`stade « ${v} » explicitement ciblé`]));
// Themes are named, not coded, in the sentences (an unknown code is shown as given).
const THEME_LABEL = new Map(themeList.map((t) => [t.code, t.label.toLowerCase()]));
const themeName = (code: string) => THEME_LABEL.get(code) ?? code;
export const LEVELS = ['commune', 'epci', 'departement', 'region'] as const;
const LEVEL_FR = { commune: 'même commune', epci: 'même EPCI', departement: 'même département', region: 'même région' } as const;
export const LEVEL_VALUE = { commune: 1, epci: 0.8, departement: 0.6, region: 0.4 } as const;
export const NATIONAL_VALUE = 0.2;
type Level = (typeof LEVELS)[number];

/** Items turned into bitmasks and lists once, so a pair is checked in a few operations. */
export interface PreparedLeft {
  themes: string[];
  /** Bit i = theme i (the first 31 distinct themes); others are compared by name. */
  themeMask: number;
  stage: number; // index, -1 unknown
  amount: number; // -1 unknown
  instruments: number; // bitmask, 0 = any
  territory: Partial<Record<Level, string>>;
  /** Memoised French text for the explanations. */
  amountText?: string;
}
export interface PreparedRight {
  themes: string[];
  themeMask: number;
  stages: number; // bitmask, 0 = any
  ticketMin: number;
  ticketMax: number;
  instruments: number;
  territories: Array<{ level: Level; code: string }>; // empty = national
  territory: Partial<Record<Level, string>> | undefined;
  rangeText?: string;
}

export function prepare(left: LeftItem[], right: RightItem[]) {
  const themeIndex = new Map<string, number>();
  for (const item of [...left, ...right]) for (const t of item.themes ?? []) if (!themeIndex.has(t)) themeIndex.set(t, themeIndex.size);
  const wide = themeIndex.size > 31;
  const mask = (themes: string[] | undefined) => (wide ? 0 : (themes ?? []).reduce((m, t) => m | (1 << (themeIndex.get(t) as number)), 0));
  const bits = (values: readonly string[], list: string[] | undefined) => (list ?? []).reduce((m, v) => m | (1 << values.indexOf(v)), 0);
  const L: PreparedLeft[] = left.map((l) => ({
    themes: l.themes ?? [],
    themeMask: mask(l.themes),
    stage: l.stage ? STAGES.indexOf(l.stage) : -1,
    amount: l.amount ?? -1,
    instruments: bits(INSTRUMENTS, l.instruments),
    territory: l.territory ?? {},
  }));
  const R: PreparedRight[] = right.map((r) => ({
    themes: r.themes ?? [],
    themeMask: mask(r.themes),
    stages: bits(STAGES, r.stages),
    ticketMin: r.ticketMin ?? 0,
    ticketMax: r.ticketMax ?? Number.POSITIVE_INFINITY,
    instruments: bits(INSTRUMENTS, r.instruments),
    territories: (r.territories ?? []).map((t) => {
      const [level, code] = t.split(':') as [Level, string];
      return { level, code };
    }),
    territory: r.territory,
  }));
  return { L, R, wide };
}

/** The hard rule that excludes a pair, or null when the pair is admissible. */
export function exclusion(l: PreparedLeft, r: PreparedRight): string | null {
  if (l.amount >= 0 && (l.amount < r.ticketMin || l.amount > r.ticketMax)) return 'ticket';
  if (l.instruments && r.instruments && !(l.instruments & r.instruments)) return 'instrument';
  if (l.stage >= 0 && r.stages && !(r.stages & (1 << l.stage))) return 'stage';
  if (r.territories.length) {
    let inside = false;
    for (const t of r.territories) if (l.territory[t.level] === t.code) inside = true;
    if (!inside) return 'territory';
  }
  return null;
}

export function popcount(m: number) {
  let x = m - ((m >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function commonThemes(l: PreparedLeft, r: PreparedRight, wide: boolean) {
  if (!wide) return popcount(l.themeMask & r.themeMask);
  let n = 0;
  for (const t of l.themes) if (r.themes.includes(t)) n++;
  return n;
}

/** Shared by the ranking loop and the explanations, so both compute the same number. */
export function ticketFit(logAmount: number, logCentre: number, halfWidth: number) {
  return Math.max(0, 1 - (0.5 * Math.abs(logAmount - logCentre)) / halfWidth);
}

/** Value in [0, 1] of each soft criterion (text is computed by the caller). */
export function values(l: PreparedLeft, r: PreparedRight, wide = false) {
  const common = commonThemes(l, r, wide);
  const theme = l.themes.length === 0 ? 0 : r.themes.length === 0 ? 0.5 : common / l.themes.length;
  let territory = 0;
  const theirs = r.territory;
  if (theirs) {
    for (const level of LEVELS)
      if (l.territory[level] && theirs[level] === l.territory[level]) {
        territory = LEVEL_VALUE[level];
        break;
      }
  } else if (r.territories.length === 0) territory = NATIONAL_VALUE;
  else {
    for (const level of LEVELS) {
      if (r.territories.some((t) => t.level === level && l.territory[level] === t.code)) {
        territory = LEVEL_VALUE[level];
        break;
      }
    }
  }
  const stage = l.stage < 0 ? 0.5 : r.stages === 0 ? 0.5 : 1;
  let ticket = 0.5;
  if (l.amount > 0 && Number.isFinite(r.ticketMax) && r.ticketMin > 0) {
    // 1 at the geometric centre of the range, falling to 0.5 at its edges.
    const lo = Math.log(r.ticketMin);
    const hi = Math.log(r.ticketMax);
    ticket = ticketFit(Math.log(l.amount), (lo + hi) / 2, (hi - lo) / 2 || 1);
  }
  return { theme, territory, stage, ticket };
}

/** A decimal number the French way, without Intl (which costs microseconds per call). */
export function frenchNumber(x: number, decimals: number) {
  const f = 10 ** decimals;
  return String(Math.round(x * f) / f).replace('.', ',');
}

/** « 300 k€ », « 1,5 M€ », « 850 € » (a no-break space before the unit, as `typo` writes it). */
export function euros(n: number) {
  if (n >= 1_000_000) return `${frenchNumber(n / 1_000_000, 1)}${NBSP}M€`;
  if (n >= 1_000) return `${Math.round(n / 1_000)}${NBSP}k€`;
  return `${Math.round(n)}${NBSP}€`;
}

/**
 * Contributions in whole points out of 1,000, rounded so that they add up
 * exactly to the rounded score (largest remainders get the leftover points).
 */
export function toPoints(raw: Record<Criterion, number>, weights: Record<Criterion, number>) {
  // Same operations, in the same order, as the ranking loop: the score is scorePoints(raw).
  const score = scorePoints(raw, weights);
  const exact = [
    1000 * weights.theme * raw.theme,
    1000 * weights.territory * raw.territory,
    1000 * weights.stage * raw.stage,
    1000 * weights.ticket * raw.ticket,
    1000 * weights.text * raw.text,
  ];
  const pts = exact.map(Math.floor);
  let left = score - pts.reduce((x, y) => x + y, 0);
  // Leftover points go to the largest remainders (ties: criterion order).
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < 5; i++) if ((exact[i] as number) - (pts[i] as number) > (exact[best] as number) - (pts[best] as number)) best = i;
    pts[best] = (pts[best] as number) + 1;
    exact[best] = pts[best] as number; // its remainder is used up
    left--;
  }
  return { score, points: pts as [number, number, number, number, number] };
}

/** The score of a pair in points out of 1,000. */
export function scorePoints(raw: Record<Criterion, number>, w: Record<Criterion, number>) {
  return Math.round(1000 * (w.theme * raw.theme + w.territory * raw.territory + w.stage * raw.stage + w.ticket * raw.ticket + w.text * raw.text));
}

/** French sentences a person understands, one per criterion. */
export function explain(
  l: PreparedLeft,
  r: PreparedRight,
  raw: Record<Criterion, number>,
  shared: string[],
  stageOf: string | undefined,
): Record<Criterion, string> {
  let theme: string;
  if (l.themes.length === 0) theme = 'aucun thème déclaré';
  else if (r.themes.length === 0) theme = 'intervient sur tous les thèmes';
  else {
    let list = '';
    let n = 0;
    for (const t of l.themes)
      if (r.themes.includes(t)) {
        list = n === 0 ? themeName(t) : `${list}, ${themeName(t)}`;
        n++;
      }
    theme =
      n === 0 ? 'aucun thème commun' : n === 1 ? fr`1 thème commun sur ${l.themes.length} : ${list}` : fr`${n} thèmes communs sur ${l.themes.length} : ${list}`;
  }
  let territory = 'aucune proximité territoriale';
  const mine = l.territory;
  for (const lv of LEVELS) {
    const code = mine[lv];
    if (!code) continue;
    let same = false;
    if (r.territory) same = r.territory[lv] === code;
    else for (const t of r.territories) if (t.level === lv && t.code === code) same = true;
    if (same) {
      territory = `${LEVEL_FR[lv]} (${code})`;
      break;
    }
  }
  if (territory === 'aucune proximité territoriale' && !r.territory && r.territories.length === 0) territory = 'intervient sur tout le territoire national';
  let ticket = 'montant ou ticket non précisé';
  if (l.amount >= 0 && (r.ticketMin > 0 || Number.isFinite(r.ticketMax))) {
    r.rangeText ??= `${euros(r.ticketMin)}–${Number.isFinite(r.ticketMax) ? euros(r.ticketMax) : '∞'}`;
    l.amountText ??= euros(l.amount);
    ticket = fr`ticket ${r.rangeText} couvre le besoin de ${l.amountText}`;
  }
  return {
    theme,
    territory,
    stage: stageOf ? (r.stages ? (STAGE_TARGETED[stageOf] ?? 'stade ciblé') : 'aucun stade exclu') : 'stade non précisé',
    ticket,
    text:
      raw.text > 0
        ? fr`descriptions proches (similarité ${shared.length ? fr`${frenchNumber(raw.text, 2)} : ${shared.join(', ')}` : frenchNumber(raw.text, 2)})`
        : 'descriptions sans mot clé commun',
  };
}
