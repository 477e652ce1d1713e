import type { z } from 'zod';
import { type OrganisationInput, organisationInput } from '../../../shared/schemas/organisation';
import { type ProjectInput, projectInput } from '../../../shared/schemas/project';
import { isValidSiret, normaliseSirenSiret } from '../../../shared/siret';
import { fold } from '../../../shared/text';
import type { Executor } from '../directory/directory-service';
import type { Reference } from '../directory/references';
import type { TableColumn } from '../directory/table-columns';
import { findOrganisationIdsBySiret, insertOrganisations } from '../organisations/organisation-queries';
import { organisationColumns } from '../organisations/organisation-columns';
import { organisationStore } from '../organisations/organisation-service';
import { projectColumns } from '../projects/project-columns';
import { insertProjects } from '../projects/project-queries';
import { projectStore } from '../projects/project-service';

export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

/** What the importer needs to know about one importable entity. */
export interface ImportSpec<In> {
  label: string;
  columns: TableColumn<never>[];
  schema: z.ZodType<In>;
  /** Turn link columns (`_…`, written by name or SIRET) into ids and codes, in place. */
  resolve(db: Executor, raws: Array<Record<string, unknown>>): Promise<RowIssue[]>;
  references(input: In): Reference[];
  /** Rules across rows or against stored records (duplicates). */
  check(db: Executor, inputs: In[]): Promise<RowIssue[]>;
  insert(db: Executor, inputs: In[]): Promise<string[]>;
  /** Which column a resolved field came from, for the report. */
  sourceOf: Record<string, string>;
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function themeCodesByLabel(db: Executor) {
  const rows = await db.selectFrom('themes').select(['code', 'label']).execute();
  const m = new Map<string, string>();
  for (const t of rows) {
    m.set(fold(t.code), t.code);
    m.set(fold(t.label), t.code);
  }
  return m;
}

export const organisationImport: ImportSpec<OrganisationInput> = {
  label: 'structures',
  columns: organisationColumns as TableColumn<never>[],
  schema: organisationInput,
  sourceOf: {},
  async resolve(db, raws) {
    const themes = await themeCodesByLabel(db);
    for (const r of raws) if (Array.isArray(r.themes)) r.themes = r.themes.map((t: string) => themes.get(fold(t)) ?? t);
    return [];
  },
  references: organisationStore.references,
  async check(db, inputs) {
    const issues: RowIssue[] = [];
    const seen = new Map<string, number>();
    inputs.forEach((o, i) => {
      if (!o.siret) return;
      const first = seen.get(o.siret);
      if (first !== undefined) issues.push({ row: i, field: 'siret', message: `SIRET en double dans le fichier (déjà à la ligne de données ${first + 1})` });
      else seen.set(o.siret, i);
    });
    const stored = await findOrganisationIdsBySiret(db, [...seen.keys()]);
    inputs.forEach((o, i) => {
      if (o.siret && stored.has(o.siret)) issues.push({ row: i, field: 'siret', message: `Une structure porte déjà le SIRET ${o.siret}` });
    });
    return issues;
  },
  insert: (db, inputs) => insertOrganisations(db, inputs),
};

export const projectImport: ImportSpec<ProjectInput> = {
  label: 'projets',
  columns: projectColumns as TableColumn<never>[],
  schema: projectInput,
  sourceOf: { collectiveId: '_collective', leadOrganisationId: '_lead', partnerIds: '_partners', themes: '_themes' },
  async resolve(db, raws) {
    const issues: RowIssue[] = [];
    const collectives = await db.selectFrom('collectives').select(['id', 'name']).execute();
    const collectiveByName = new Map(collectives.map((c) => [fold(c.name), c.id]));
    const sirets = new Set<string>();
    for (const r of raws)
      for (const v of [r._lead, ...((r._partners as string[] | undefined) ?? [])])
        if (typeof v === 'string' && !uuidRe.test(v)) sirets.add(normaliseSirenSiret(v));
    const bySiret = await findOrganisationIdsBySiret(db, [...sirets].filter((s) => /^[0-9]{14}$/.test(s)));
    const themes = await themeCodesByLabel(db);

    const organisation = (i: number, field: string, v: string) => {
      if (uuidRe.test(v)) return v;
      const s = normaliseSirenSiret(v);
      const id = bySiret.get(s);
      if (!id) issues.push({ row: i, field, message: isValidSiret(s) ? `Aucune structure enregistrée avec le SIRET ${s}` : `SIRET invalide : ${v}` });
      return id;
    };
    raws.forEach((r, i) => {
      const { _collective, _lead, _partners, _themes } = r;
      delete r._collective;
      delete r._lead;
      delete r._partners;
      delete r._themes;
      if (typeof _collective === 'string') {
        const id = uuidRe.test(_collective) ? _collective : collectiveByName.get(fold(_collective));
        if (id) r.collectiveId = id;
        else issues.push({ row: i, field: '_collective', message: `Collectif inconnu : ${_collective}` });
      }
      if (typeof _lead === 'string') r.leadOrganisationId = organisation(i, '_lead', _lead);
      if (Array.isArray(_partners)) r.partnerIds = _partners.map((p: string) => organisation(i, '_partners', p)).filter(Boolean);
      if (Array.isArray(_themes)) r.themes = _themes.map((t: string) => themes.get(fold(t)) ?? t);
    });
    return issues;
  },
  references: projectStore.references,
  check: async () => [],
  insert: (db, inputs) => insertProjects(db, inputs),
};

export const importSpecs = { organisations: organisationImport, projects: projectImport } as const;
export type ImportEntity = keyof typeof importSpecs;
