import { sql } from 'kysely';
import { fold } from '../../../shared/text';
import type { Executor } from '../../db/connection';

/** Theme codes by their folded code and label, so a file may name a theme either way. */
export async function themeCodesByLabel(db: Executor) {
  const rows = await db.selectFrom('themes').select(['code', 'label']).execute();
  const m = new Map<string, string>();
  for (const t of rows) {
    m.set(fold(t.code), t.code);
    m.set(fold(t.label), t.code);
  }
  return m;
}

/** Ids of the records with these names (compared folded); a name two records share maps to all of them. */
function byFoldedName(rows: Array<{ id: string; name: string }>) {
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(fold(r.name), [...(m.get(fold(r.name)) ?? []), r.id]);
  return m;
}

/** Records of a named table by name, case ignored (a link written by name in a spreadsheet). */
async function idsByName(db: Executor, table: 'collectives' | 'organisations', names: string[]) {
  if (names.length === 0) return new Map<string, string[]>();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name'])
    .where(
      sql`lower(name)`,
      'in',
      names.map((n) => n.toLowerCase()),
    )
    .execute();
  return byFoldedName(rows);
}

export const collectiveIdsByName = (db: Executor, names: string[]) => idsByName(db, 'collectives', names);
export const organisationIdsByName = (db: Executor, names: string[]) => idsByName(db, 'organisations', names);

/** People by "Prénom Nom", as the exports write a coordinator. */
export async function personIdsByName(db: Executor, names: string[]) {
  if (names.length === 0) return new Map<string, string[]>();
  const rows = await db
    .selectFrom('people')
    .select(['id', sql<string>`first_name || ' ' || last_name`.as('name')])
    .where(
      sql`lower(first_name || ' ' || last_name)`,
      'in',
      names.map((n) => n.toLowerCase()),
    )
    .execute();
  return byFoldedName(rows);
}

/** Who holds each of these e-mail addresses (lower-cased). */
export async function personIdsByEmail(db: Executor, emails: string[]) {
  if (emails.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('people')
    .select(['id', sql<string>`lower(email)`.as('email')])
    .where(
      sql`lower(email)`,
      'in',
      emails.map((e) => e.toLowerCase()),
    )
    .execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

export async function organisationKinds(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('organisations').select(['id', 'kind']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.kind as string]));
}
