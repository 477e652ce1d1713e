/**
 * Numbers, amounts and dates written the French way, for the server, the
 * command line and the web client alike (`Intl` with fr-FR: narrow no-break
 * spaces between thousands, a no-break space before €).
 */
const integer = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const compactEuros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** `formatInt(1234567)` → « 1 234 567 ». */
export const formatInt = (n: number) => integer.format(n);
/** `formatEur(600000000)` → « 600 000 000 € »; no amount → « — ». */
export const formatEur = (n: number | null | undefined) => (n == null ? '—' : euros.format(n));
/** `formatEurCompact(600000000)` → « 600 M € », `formatEurCompact(1500000000)` → « 1,5 Md € ». */
export const formatEurCompact = (n: number) => compactEuros.format(n);
/** `formatDate('2020-12-28')` → « 28 décembre 2020 »; no date → « — ». */
export const formatDate = (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—');

/**
 * A count and its noun, agreeing: `plural(1, 'paire')` → « 1 paire »,
 * `plural(2, 'paire')` → « 2 paires », and 0 in the singular as French has it
 * (« 0 rencontre »). Irregular plurals are given: `plural(3, 'travail', 'travaux')`.
 */
export const plural = (n: number, one: string, many = `${one}s`) => `${formatInt(n)} ${Math.abs(n) < 2 ? one : many}`;
