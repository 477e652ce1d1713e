/** A period of days, both ends included (ISO dates), with its French label. */
export interface LabelledPeriod {
  from: string;
  to: string;
  label: string;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const frenchDate = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The period a request asks for: a calendar year, or `from`/`to`, or the
 * current year by the clock given.
 *
 * @example periodOf({ year: 2020 }, now) → { from: '2020-01-01', to: '2020-12-31', label: '2020' }
 */
export function periodOf(q: { year?: number; from?: string; to?: string }, now: Date): LabelledPeriod | { error: string } {
  if (q.year !== undefined && (q.from || q.to)) return { error: 'Indiquez soit une année, soit une période (from et to), pas les deux.' };
  if (q.from || q.to) {
    if (!q.from || !q.to) return { error: 'Une période demande ses deux bornes : from et to.' };
    const [f, t] = [Date.parse(`${q.from}T00:00:00Z`), Date.parse(`${q.to}T00:00:00Z`)];
    if (Number.isNaN(f) || Number.isNaN(t) || iso(f) !== q.from || iso(t) !== q.to) return { error: 'Date invalide : attendu AAAA-MM-JJ.' };
    if (t < f) return { error: 'La fin de la période précède son début.' };
    return { from: q.from, to: q.to, label: `du ${frenchDate(q.from)} au ${frenchDate(q.to)}` };
  }
  return yearPeriod(q.year ?? now.getUTCFullYear());
}

export const yearPeriod = (year: number): LabelledPeriod => ({ from: `${year}-01-01`, to: `${year}-12-31`, label: String(year) });

/**
 * The period just before, of the same length (the previous year for a calendar year).
 *
 * @example previousPeriod(yearPeriod(2020)) → { from: '2019-01-01', to: '2019-12-31', label: '2019' }
 */
export function previousPeriod(p: LabelledPeriod): LabelledPeriod {
  const year = /^\d{4}$/.test(p.label) ? Number(p.label) : null;
  if (year !== null) return yearPeriod(year - 1);
  const [f, t] = [Date.parse(`${p.from}T00:00:00Z`), Date.parse(`${p.to}T00:00:00Z`)];
  const to = iso(f - DAY);
  const from = iso(f - DAY - (t - f));
  return { from, to, label: `du ${frenchDate(from)} au ${frenchDate(to)}` };
}
