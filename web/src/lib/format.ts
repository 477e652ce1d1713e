const integer = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const compactEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

export const formatInt = (n: number) => integer.format(n);
export const formatEur = (n: number | null | undefined) => (n == null ? '—' : euros.format(n));
export const formatEurCompact = (n: number) => compactEuros.format(n);
export const formatDate = (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—');
/** "1 projet", "2 projets". */
export const plural = (n: number, one: string, many = `${one}s`) => `${formatInt(n)} ${n === 1 || n === 0 ? one : many}`;
