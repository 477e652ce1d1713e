import type { z } from 'zod';
import { directoryRoutesByResource } from '../../../shared/routes/directory.routes';
import { type CollectiveInput, collectiveFields } from '../../../shared/schemas/collective';
import { type FundInput, fundFields } from '../../../shared/schemas/fund';
import { type OrganisationInput, organisationFields } from '../../../shared/schemas/organisation';
import { type PersonInput, personFields } from '../../../shared/schemas/person';
import { type ProjectInput, projectFields } from '../../../shared/schemas/project';
import { isValidSiret, normaliseSirenSiret } from '../../../shared/siret';
import { fold } from '../../../shared/text';
import { collectiveColumns } from '../collectives/collective-columns';
import { collectiveStore } from '../collectives/collective-service';
import type { Executor } from '../../db/connection';
import type { EntityStore, ListQuery } from '../directory/directory-service';
import type { TableColumn } from '../directory/table-columns';
import { fundColumns } from '../funds/fund-columns';
import { fundStore } from '../funds/fund-service';
import { organisationColumns } from '../organisations/organisation-columns';
import { findOrganisationIdsBySiret } from '../organisations/organisation-queries';
import { organisationStore } from '../organisations/organisation-service';
import { personColumns } from '../people/person-columns';
import { personStore } from '../people/person-service';
import { projectColumns } from '../projects/project-columns';
import { projectStore } from '../projects/project-service';
import { collectiveIdsByName, organisationIdsByName, organisationKinds, personIdsByEmail, personIdsByName, themeCodesByLabel } from './import-queries';

export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

/** A link column (`_…`, written by name, SIRET, e-mail or id) and the field it resolves to. */
interface Link {
  from: string;
  to: string;
  kind: 'organisation' | 'collective' | 'person';
  list?: boolean;
}

/** What the importer needs to know about one importable entity. */
export interface ImportSpec<In = unknown> {
  /** Plural French name for messages ("structures"). */
  label: string;
  columns: TableColumn<never>[];
  /** The whole record with its cross-field rules, and the plain object of writable fields behind it. */
  schema: z.ZodType<In>;
  fields: z.ZodObject;
  store: EntityStore<{ id: string }, In, ListQuery>;
  links: Link[];
  /** The field of theme codes, and the column it is read from (labels accepted). */
  themes?: { from: string; to: string };
  /** Rules across rows or against stored records (duplicates); `id` for a row that updates. */
  check(db: Executor, rows: Array<{ input: In; id?: string | undefined }>): Promise<RowIssue[]>;
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
    for (const link of spec.links.filter((l) => l.kind === kind))
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
  const themes = spec.themes ? await themeCodesByLabel(db) : undefined;

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
    for (const link of spec.links) {
      if (!(link.from in r)) continue;
      const v = r[link.from];
      delete r[link.from];
      if (v === null) r[link.to] = link.list ? [] : null;
      else if (Array.isArray(v)) r[link.to] = v.map((x: string) => resolve(i, link, x)).filter(Boolean);
      else if (typeof v === 'string') r[link.to] = resolve(i, link, v);
    }
    if (spec.themes && spec.themes.from in r) {
      const v = r[spec.themes.from];
      delete r[spec.themes.from];
      r[spec.themes.to] = Array.isArray(v) ? v.map((t: string) => themes?.get(fold(t)) ?? t) : v;
    }
  });
  return issues;
}

/** A value unique per record (SIRET, e-mail): a second row with it, or a stored record other than the row's own, is refused. */
async function uniqueAcross<In>(
  rows: Array<{ input: In; id?: string | undefined }>,
  field: string,
  keyOf: (input: In) => string | null | undefined,
  stored: (values: string[]) => Promise<Map<string, string>>,
  messages: { inFile: (first: number) => string; stored: (v: string) => string },
): Promise<RowIssue[]> {
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ input }, i) => {
    const v = keyOf(input);
    if (!v) return;
    const first = seen.get(v);
    if (first !== undefined) issues.push({ row: i, field, message: messages.inFile(first) });
    else seen.set(v, i);
  });
  const owners = new Map<string, string>();
  const values = [...seen.keys()];
  for (let i = 0; i < values.length; i += 5000) for (const [k, id] of await stored(values.slice(i, i + 5000))) owners.set(k, id);
  rows.forEach(({ input, id }, i) => {
    const v = keyOf(input);
    const owner = v ? owners.get(v) : undefined;
    if (v && owner && owner !== id) issues.push({ row: i, field, message: messages.stored(v) });
  });
  return issues;
}

export const organisationImport: ImportSpec<OrganisationInput> = {
  label: 'structures',
  columns: organisationColumns as TableColumn<never>[],
  schema: directoryRoutesByResource.organisations.create.body,
  fields: organisationFields,
  store: organisationStore as never,
  links: [],
  themes: { from: 'themes', to: 'themes' },
  check: (db, rows) =>
    uniqueAcross(
      rows,
      'siret',
      (o) => o.siret,
      (v) => findOrganisationIdsBySiret(db, v),
      {
        inFile: (first) => `SIRET en double dans le fichier (déjà à la ligne de données ${first + 1})`,
        stored: (v) => `Une structure porte déjà le SIRET ${v}`,
      },
    ),
};

export const projectImport: ImportSpec<ProjectInput> = {
  label: 'projets',
  columns: projectColumns as TableColumn<never>[],
  schema: directoryRoutesByResource.projects.create.body,
  fields: projectFields,
  store: projectStore as never,
  links: [
    { from: '_collective', to: 'collectiveId', kind: 'collective' },
    { from: '_lead', to: 'leadOrganisationId', kind: 'organisation' },
    { from: '_partners', to: 'partnerIds', kind: 'organisation', list: true },
  ],
  themes: { from: '_themes', to: 'themes' },
  check: async () => [],
};

export const collectiveImport: ImportSpec<CollectiveInput> = {
  label: 'collectifs',
  columns: collectiveColumns as TableColumn<never>[],
  schema: directoryRoutesByResource.collectives.create.body,
  fields: collectiveFields,
  store: collectiveStore as never,
  links: [{ from: '_coordinator', to: 'coordinatorId', kind: 'person' }],
  check: async () => [],
};

export const personImport: ImportSpec<PersonInput> = {
  label: 'personnes',
  columns: personColumns as TableColumn<never>[],
  schema: directoryRoutesByResource.people.create.body,
  fields: personFields,
  store: personStore as never,
  links: [
    { from: '_organisation', to: 'organisationId', kind: 'organisation' },
    { from: '_administration', to: 'administrationId', kind: 'organisation' },
  ],
  async check(db, rows) {
    const issues = await uniqueAcross(
      rows,
      'email',
      (p) => p.email?.toLowerCase(),
      (v) => personIdsByEmail(db, v),
      {
        inFile: (first) => `Adresse e-mail en double dans le fichier (déjà à la ligne de données ${first + 1})`,
        stored: (v) => `Une personne porte déjà l'adresse ${v}`,
      },
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
  schema: directoryRoutesByResource.funds.create.body,
  fields: fundFields,
  store: fundStore as never,
  links: [{ from: '_manager', to: 'managerId', kind: 'organisation' }],
  themes: { from: 'themes', to: 'themes' },
  check: async () => [],
};

export const importSpecs = {
  organisations: organisationImport,
  projects: projectImport,
  collectives: collectiveImport,
  people: personImport,
  funds: fundImport,
} as const;
export type ImportEntity = keyof typeof importSpecs;
