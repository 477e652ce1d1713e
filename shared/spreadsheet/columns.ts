import type { CsvColumn } from './csv';
import { fold } from '../text';

/** Raw cell → value given to the shared schema (which gives the error messages). */
export type CellParser = (raw: string) => unknown;

/** A column of a list's spreadsheet, both ways: the export writes `value`, the importer reads the cell with `parse` into `field`. */
export interface TableColumn<T> extends CsvColumn<T> {
  field: string;
  parse: CellParser;
  /** Other headers people use for the same column (compared folded). */
  aliases?: string[];
  /** What an empty cell means on a row that updates a record (absent: the field is left as it is). */
  empty?: unknown;
  /**
   * A column that names another record (by name, SIRET, e-mail or id; its field starts with `_`):
   * the importer resolves it to the id(s) it stores in `to`.
   */
  link?: { to: string; kind: 'organisation' | 'collective' | 'person'; list?: boolean };
  /** A list of themes written by code or by label: the importer turns labels into codes, stored in `themes`. */
  themes?: true;
  /** Written by the export for information (a count…), accepted and ignored by the importer. */
  readOnly?: boolean;
}

/** The record's id: a row that carries it updates that record, a row without creates one. */
export const idColumn = <T extends { id: string }>(): TableColumn<T> => ({
  header: 'Identifiant',
  field: 'id',
  parse: (raw) => (raw.trim() === '' ? undefined : raw.trim()),
  value: (r) => r.id,
  aliases: ['id'],
});

/** A date as AAAA-MM-JJ, also read from JJ/MM/AAAA as French spreadsheets write it. */
export const date: CellParser = (raw) => {
  const v = raw.trim();
  if (v === '') return undefined;
  const fr = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return fr ? `${fr[3]}-${fr[2]?.padStart(2, '0')}-${fr[1]?.padStart(2, '0')}` : v;
};

/** Empty cells are absent values, not empty strings. */
export const text: CellParser = (raw) => (raw.trim() === '' ? undefined : raw.trim());

export const list: CellParser = (raw) =>
  raw.trim() === ''
    ? undefined
    : raw
        .split(/[|,;]/)
        .map((s) => s.trim())
        .filter(Boolean);

const truthy = new Set(['oui', 'o', 'true', 'vrai', '1', 'x', 'yes']);
const falsy = new Set(['non', 'n', 'false', 'faux', '0', 'no']);
export const bool: CellParser = (raw) => {
  const v = fold(raw.trim());
  if (v === '') return undefined;
  if (truthy.has(v)) return true;
  if (falsy.has(v)) return false;
  return raw; // left as text: the schema says "booléen attendu"
};

/** Whole numbers written the French way: "300 000", "1 200 000 €", "15000,00". */
export const integer: CellParser = (raw) => {
  const v = raw.replace(/[\s\u00a0\u202f€]/g, '').replace(/,00$/, '');
  if (v === '') return undefined;
  return /^-?\d+$/.test(v) ? Number(v) : raw;
};

export function headerKey(header: string) {
  return fold(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A code from a vocabulary, written either as the code or as its French label. */
export function vocabulary(labels: Record<string, string>): CellParser {
  const byFolded = new Map<string, string>();
  for (const [code, label] of Object.entries(labels)) {
    byFolded.set(headerKey(code), code);
    byFolded.set(headerKey(label), code);
  }
  return (raw) => {
    const v = raw.trim();
    if (v === '') return undefined;
    return byFolded.get(headerKey(v)) ?? v;
  };
}

export function vocabularyList(labels: Record<string, string>): CellParser {
  const one = vocabulary(labels);
  return (raw) => (list(raw) as string[] | undefined)?.map((v) => one(v));
}

/**
 * A column that names other records by name, SIRET, e-mail or id (its field starts with `_`): the importer resolves
 * each to an id stored in `to`, one (an empty cell: none) or, with `list`, several (an empty cell: none of them).
 */
export function linkColumn<T>(
  c: Pick<TableColumn<T>, 'header' | 'field' | 'value' | 'aliases'>,
  to: string,
  kind: NonNullable<TableColumn<T>['link']>['kind'],
  opts: { list?: boolean } = {},
): TableColumn<T> {
  return { ...c, parse: opts.list ? list : text, empty: opts.list ? [] : null, link: { to, kind, ...(opts.list ? { list: true } : {}) } };
}

/** The record's themes, by code or label (`field` is `_themes` where the input names them otherwise). */
export const themesColumn = <T extends { themes: string[] }>(field = 'themes'): TableColumn<T> => ({
  header: 'Thèmes',
  field,
  parse: list,
  value: (r) => r.themes,
  aliases: ['themes', 'thematiques'],
  empty: [],
  themes: true,
});
