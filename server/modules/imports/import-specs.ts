import type { CollectiveInput } from '../../../shared/schemas/collective';
import type { FundInput } from '../../../shared/schemas/fund';
import type { OrganisationInput } from '../../../shared/schemas/organisation';
import type { PersonInput } from '../../../shared/schemas/person';
import type { ProjectInput } from '../../../shared/schemas/project';
import { isValidSiret, normaliseSirenSiret } from '../../../shared/siret';
import { fold } from '../../../shared/text';
import { collectiveColumns } from '../collectives/collective-columns';
import { collectiveStore } from '../collectives/collective-store';
import type { Executor } from '../../db/connection';
import type { EntityStore, ListQuery } from '../directory/directory-service';
import type { TableColumn } from '../../../shared/spreadsheet/columns';
import { fundColumns } from '../funds/fund-columns';
import { fundStore } from '../funds/fund-store';
import { organisationColumns } from '../organisations/organisation-columns';
import { findOrganisationIdsBySiret } from '../organisations/organisation-queries';
import { organisationStore } from '../organisations/organisation-store';
import { personColumns } from '../people/person-columns';
import { personStore } from '../people/person-store';
import { projectColumns } from '../projects/project-columns';
import { projectStore } from '../projects/project-store';
import { collectiveIdsByName, organisationIdsByName, organisationKinds, personIdsByEmail, personIdsByName, themeCodesByLabel } from './import-queries';

export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

/** A link column (`_…`, written by name, SIRET, e-mail or id) and the field it resolves to. */
type Link = NonNullable<TableColumn<never>['link']> & { from: string };

/** The spec's link columns, from its columns' `link`. */
export const linksOf = (spec: ImportSpec): Link[] => spec.columns.flatMap((c) => (c.link ? [{ ...c.link, from: c.field }] : []));

/** What the importer needs to know about one importable entity. */
export interface ImportSpec<In = unknown> {
  /** Plural French name for messages ("structures"). */
  label: string;
  columns: TableColumn<never>[];
  /** The entity's queries and schemas, as the directory service uses them. */
  store: EntityStore<{ id: string }, In, ListQuery>;
  /** Rules across rows or against stored records (duplicates); `id` for a row that updates. */
  check?(db: Executor, rows: Array<{ input: In; id?: string | undefined }>): Promise<RowIssue[]>;
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const looksLikeSiret = (v: string) => /^[0-9\s\u00a0\u202f.]{9,}$/.test(v);
const label = { organisation: 'structure', collective: 'collectif', person: 'personne' } as const;

/**
 * Turns the link columns of every row into ids and theme labels into codes,
 * in place, in a few queries for the whole file; returns what could not be resolved.
 */
export async function resolveLinks(db: Executor, spec: ImportSpec, raws: Array<Record<string, unknown>>): Promise<RowIssue[]> {
  const issues: RowIssue[] = [];
  const values = (kind: Link['kind']) => {
    const out = new Set<string>();
    for (const link of linksOf(spec).filter((l) => l.kind === kind))
      for (const r of raws) for (const v of [r[link.from]].flat()) if (typeof v === 'string' && !uuidRe.test(v)) out.add(v);
    return [...out];
  };
  const orgValues = values('organisation');
  const sirets = await findOrganisationIdsBySiret(
    db,
    orgValues
      .filter(looksLikeSiret)
      .map(normaliseSirenSiret)
      .filter((s) => /^[0-9]{14}$/.test(s)),
  );
  const names = {
    organisation: await organisationIdsByName(
      db,
      orgValues.filter((v) => !looksLikeSiret(v)),
    ),
    collective: await collectiveIdsByName(db, values('collective')),
    person: await personIdsByName(
      db,
      values('person').filter((v) => !v.includes('@')),
    ),
  };
  const emails = await personIdsByEmail(
    db,
    values('person').filter((v) => v.includes('@')),
  );
  const themesFrom = spec.columns.find((c) => c.themes)?.field;
  const themes = themesFrom ? await themeCodesByLabel(db) : undefined;

  const resolve = (row: number, link: Link, v: string): string | undefined => {
    if (uuidRe.test(v)) return v.toLowerCase();
    const fail = (message: string) => {
      issues.push({ row, field: link.from, message });
      return undefined;
    };
    if (link.kind === 'organisation' && looksLikeSiret(v)) {
      const s = normaliseSirenSiret(v);
      return sirets.get(s) ?? fail(isValidSiret(s) ? `Aucune structure enregistrée avec le SIRET ${s}` : `SIRET invalide : ${v}`);
    }
    if (link.kind === 'person' && v.includes('@')) return emails.get(v.toLowerCase()) ?? fail(`Aucune personne avec l'adresse ${v}`);
    const ids = names[link.kind].get(fold(v)) ?? [];
    if (ids.length === 1) return ids[0];
    if (ids.length > 1)
      return fail(
        `Plusieurs fiches (${label[link.kind]}) s'appellent « ${v} » : indiquez ${link.kind === 'organisation' ? 'le SIRET ou ' : link.kind === 'person' ? "l'adresse e-mail ou " : ''}l'identifiant`,
      );
    return fail(link.kind === 'collective' ? `Collectif inconnu : ${v}` : link.kind === 'person' ? `Personne inconnue : ${v}` : `Structure inconnue : ${v}`);
  };

  raws.forEach((r, i) => {
    for (const link of linksOf(spec)) {
      if (!(link.from in r)) continue;
      const v = r[link.from];
      delete r[link.from];
      if (v === null) r[link.to] = link.list ? [] : null;
      else if (Array.isArray(v)) r[link.to] = v.map((x: string) => resolve(i, link, x)).filter(Boolean);
      else if (typeof v === 'string') r[link.to] = resolve(i, link, v);
    }
    if (themesFrom && themesFrom in r) {
      const v = r[themesFrom];
      delete r[themesFrom];
      r.themes = Array.isArray(v) ? v.map((t: string) => themes?.get(fold(t)) ?? t) : v;
    }
  });
  return issues;
}

/**
 * A value unique per record (SIRET, e-mail): a second row with it, or a stored record other than the row's own, is refused.
 * `what` names the value in the message about the file, `owned` starts the one about a stored record.
 */
async function uniqueAcross<In>(
  rows: Array<{ input: In; id?: string | undefined }>,
  field: string,
  keyOf: (input: In) => string | null | undefined,
  stored: (values: string[]) => Promise<Map<string, string>>,
  [what, owned]: [string, string],
): Promise<RowIssue[]> {
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ input }, i) => {
    const v = keyOf(input);
    if (!v) return;
    const first = seen.get(v);
    if (first !== undefined) issues.push({ row: i, field, message: `${what} en double dans le fichier (déjà à la ligne de données ${first + 1})` });
    else seen.set(v, i);
  });
  const owners = new Map<string, string>();
  const values = [...seen.keys()];
  for (let i = 0; i < values.length; i += 5000) for (const [k, id] of await stored(values.slice(i, i + 5000))) owners.set(k, id);
  rows.forEach(({ input, id }, i) => {
    const v = keyOf(input);
    const owner = v ? owners.get(v) : undefined;
    if (v && owner && owner !== id) issues.push({ row: i, field, message: `${owned} ${v}` });
  });
  return issues;
}

export const organisationImport: ImportSpec<OrganisationInput> = {
  label: 'structures',
  columns: organisationColumns as TableColumn<never>[],
  store: organisationStore as never,
  check: (db, rows) =>
    uniqueAcross(
      rows,
      'siret',
      (o) => o.siret,
      (v) => findOrganisationIdsBySiret(db, v),
      ['SIRET', 'Une structure porte déjà le SIRET'],
    ),
};

export const projectImport: ImportSpec<ProjectInput> = {
  label: 'projets',
  columns: projectColumns as TableColumn<never>[],
  store: projectStore as never,
};

export const collectiveImport: ImportSpec<CollectiveInput> = {
  label: 'collectifs',
  columns: collectiveColumns as TableColumn<never>[],
  store: collectiveStore as never,
};

export const personImport: ImportSpec<PersonInput> = {
  label: 'personnes',
  columns: personColumns as TableColumn<never>[],
  store: personStore as never,
  async check(db, rows) {
    const issues = await uniqueAcross(
      rows,
      'email',
      (p) => p.email?.toLowerCase(),
      (v) => personIdsByEmail(db, v),
      ['Adresse e-mail', "Une personne porte déjà l'adresse"],
    );
    const kinds = await organisationKinds(db, [...new Set(rows.flatMap(({ input }) => (input.administrationId ? [input.administrationId] : [])))]);
    rows.forEach(({ input }, i) => {
      const kind = input.administrationId ? kinds.get(input.administrationId) : undefined;
      if (kind && kind !== 'administration') issues.push({ row: i, field: 'administrationId', message: "Cette structure n'est pas une administration" });
    });
    return issues;
  },
};

export const fundImport: ImportSpec<FundInput> = {
  label: 'fonds',
  columns: fundColumns as TableColumn<never>[],
  store: fundStore as never,
};

export const importSpecs = {
  organisations: organisationImport,
  projects: projectImport,
  collectives: collectiveImport,
  people: personImport,
  funds: fundImport,
} as const;
export type ImportEntity = keyof typeof importSpecs;
