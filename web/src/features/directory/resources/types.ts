import type { ComponentType } from 'react';
import { instrumentLabels, instruments, projectStageLabels, projectStages } from '../../../../../shared/vocabulary';
import type { DirectoryApi, DirectorySlug } from '../../../../../shared/web-routes';
import type { DirectoryRecord, FieldName, FilterName } from '../directory-api';

export type Option = { value: string; label: string };
export const options = <K extends string>(values: readonly K[], labels?: Record<K, string>): Option[] =>
  values.map((v) => ({ value: v, label: labels?.[v] ?? v }));

/**
 * A form field; `name` is the API's field name, so its errors land next to it
 * (a field of the resource's creation schema: see `ResourceOf`).
 */
export interface FieldDef<N extends string = string> {
  name: N;
  label: string;
  kind:
    | 'text'
    | 'textarea'
    | 'number'
    | 'date'
    | 'url'
    | 'email'
    | 'tel'
    | 'select'
    | 'checkbox'
    | 'checkboxes'
    | 'themes'
    | 'theme'
    | 'commune'
    | 'territories'
    | 'ref'
    | 'refs'
    | 'rows';
  required?: boolean;
  hint?: string;
  options?: Option[];
  /** For ref/refs: the API resource to pick from. */
  ref?: DirectoryApi;
  /** What an empty field sends: null (default), an empty text, or nothing at all. */
  emptyAs?: 'null' | '' | 'omit';
  /** For rows: the columns of each row (number, select or ref fields). */
  columns?: FieldDef[];
  /** For refs whose record shows objects rather than ids (pioneers' champions). */
  idsOf?(record: Record<string, unknown>): string[];
  /** For rows: the stored record's rows as the columns' values. */
  rowsOf?(record: Record<string, unknown>): Array<Record<string, string>>;
}

/** A list filter; `name` is the API's query parameter (and the page's). */
export interface FilterDef<N extends string = string> {
  name: N;
  label: string;
  kind: 'select' | 'theme' | 'territory' | 'ref' | 'number' | 'boolean';
  options?: Option[];
  ref?: DirectoryApi;
  /** Amounts hidden from visitors: the filter needs an account. */
  signedIn?: boolean;
}

export interface Fact {
  label: string;
  value: string;
  /** A link inside the application. */
  to?: string | undefined;
  /** Hidden from visitors (the API sends null). */
  restricted?: boolean;
}

/**
 * How the shared pages show one resource. Declared per resource with
 * `ResourceOf<'projects'>`: its record type, its form's field names and its
 * filters' names then come from the route contract.
 */
// biome-ignore lint/suspicious/noExplicitAny: the shared pages see any record; each resource narrows its own (ResourceOf)
export interface ResourceConfig<A extends DirectoryApi = DirectoryApi, T = any, F extends string = string, Q extends string = string> {
  slug: DirectorySlug;
  api: A;
  /** Plural, for lists and navigation. */
  title: string;
  /** "un projet", "une structure": for buttons and messages. */
  one: string;
  newLabel: string;
  intro: string;
  titleOf(r: T): string;
  summaryOf(r: T): string;
  tagsOf(r: T): string[];
  facts(r: T): Fact[];
  filters: FilterDef<Q>[];
  sorts: Option[];
  /** Each name is a field of the creation schema (`rows` columns name the fields of one row). */
  fields: FieldDef<F>[];
  /** The file import accepts this resource. */
  importable?: boolean;
  /** Shown above the list (the Pionniers' growth charts). */
  listHeader?: ComponentType;
}

/** A resource's configuration, checked against its routes in the contract. */
export type ResourceOf<A extends DirectoryApi> = ResourceConfig<A, DirectoryRecord<A>, FieldName<A>, FilterName<A>>;

export const stageOptions = options(projectStages, projectStageLabels);
export const instrumentOptions = options(instruments, instrumentLabels);
export const relevance = { value: 'relevance', label: 'Pertinence' };
export const byName = [
  { value: 'name', label: 'Nom (A → Z)' },
  { value: '-name', label: 'Nom (Z → A)' },
];
export const yesNo: Option[] = [
  { value: 'true', label: 'Oui' },
  { value: 'false', label: 'Non' },
];
export const territoryFilter: FilterDef<'territory'> = { name: 'territory', label: 'Territoire (commune, EPCI, département, région)', kind: 'territory' };
export const themeFilter: FilterDef<'theme'> = { name: 'theme', label: 'Thématique', kind: 'theme' };
export const communeOf = (r: { communeName: string | null; communeCode: string | null }) => (r.communeName ? `${r.communeName} (${r.communeCode})` : '—');
