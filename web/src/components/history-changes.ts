/** How a field is named and its values read, for the history of a record. */
export interface HistoryField {
  name: string;
  label: string;
  options?: Array<{ value: string; label: string }> | undefined;
}

export interface Change {
  label: string;
  before: string;
  after: string;
}

const EMPTY = '(vide)';
const integer = new Intl.NumberFormat('fr-FR');
// Kept by the server on each write, or derived from other fields: never a change a person made.
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'actions', 'search']);

type Rec = Record<string, unknown>;

/** Fields a record stores under another name than its form's. */
const STORED_AS: Record<string, string> = { champions: 'Entreprises championnes', anonymised: 'Données personnelles effacées' };

/** A stored value as a person reads it: option labels, names of linked records, Oui/Non. */
function readable(field: HistoryField | undefined, name: string, value: unknown, record: Rec, themeLabels: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return integer.format(value);
  // A reference: the record also carries the linked record's name (collectiveId → collectiveName).
  if (name.endsWith('Id') && typeof value === 'string') {
    const linked = record[`${name.slice(0, -2)}Name`];
    return typeof linked === 'string' ? linked : value;
  }
  if (name === 'communeCode' && typeof record.communeName === 'string') return `${record.communeName} (${value})`;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    if (name === 'themes') return value.map((v) => themeLabels[String(v)] ?? String(v)).join(', ');
    if (name.endsWith('Ids')) return `${value.length} fiche${value.length > 1 ? 's' : ''} liée${value.length > 1 ? 's' : ''}`;
    return value.map((v) => readable(field, '', v, {}, themeLabels)).join(', ');
  }
  if (typeof value === 'object') {
    const o = value as Rec;
    if (typeof o.name === 'string') return o.name;
    if ('year' in o && 'count' in o) return `${o.year}\u202f: ${o.count}`;
    return JSON.stringify(value);
  }
  const s = String(value);
  const option = field?.options?.find((x) => x.value === s);
  if (option) return option.label;
  if (name === 'themeCode') return themeLabels[s] ?? s;
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/**
 * The fields an update changed, each with its French label and its values
 * before → after, in the form's order.
 */
export function changesOf(before: unknown, after: unknown, fields: HistoryField[], themeLabels: Record<string, string> = {}): Change[] {
  const b = (before ?? {}) as Rec;
  const a = (after ?? {}) as Rec;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const byName = new Map(fields.map((f) => [f.name, f]));
  const known = fields.map((f) => f.name).filter((k) => keys.includes(k));
  // Derived fields (a linked record's name, a département from the commune) follow the field a person changed.
  const others = keys.filter((k) => !byName.has(k) && k in STORED_AS);
  return [...known, ...others].map((k) => {
    const f = byName.get(k);
    return { label: f?.label ?? (STORED_AS[k] as string), before: readable(f, k, b[k], b, themeLabels), after: readable(f, k, a[k], a, themeLabels) };
  });
}
