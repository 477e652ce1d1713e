import codesNaf from '@socialgouv/codes-naf';

/** NAF rév. 2 sub-classes (e.g. "88.99B"), from @socialgouv/codes-naf. */
export const nafLabels: ReadonlyMap<string, string> = new Map(codesNaf.filter((c) => /^[0-9]{2}\.[0-9]{2}[A-Z]$/.test(c.id)).map((c) => [c.id, c.label]));

/** Accepts "8899B" or "88.99B" and returns the dotted form. */
export function normaliseNaf(code: string): string {
  const c = code.trim().toUpperCase().replace(/\s/g, '');
  return /^[0-9]{4}[A-Z]$/.test(c) ? `${c.slice(0, 2)}.${c.slice(2)}` : c;
}
