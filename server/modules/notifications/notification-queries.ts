import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

export interface NewNotification {
  accountIds: readonly string[];
  category: string;
  title: string;
  body?: string;
  /** A page of the web application (`/evenements/…`), never another site. */
  link?: string | null;
}

/** One row per recipient; the ids of the rows written. */
export async function insertNotifications(db: Executor, n: NewNotification) {
  if (n.accountIds.length === 0) return [];
  const rows = await db
    .insertInto('notifications')
    .values(
      [...new Set(n.accountIds)].map((accountId) => ({
        account_id: accountId,
        category: n.category,
        title: n.title,
        body: n.body ?? '',
        link: n.link ?? null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

const notificationColumns = ['id', 'category', 'title', 'body', 'link', 'created_at', 'read_at'] as const;

/** An account's notifications, newest first; `unread` counts all its unread ones (the bell). */
export async function listNotifications(db: Executor, accountId: string, f: { unread?: boolean | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom('notifications').where('account_id', '=', accountId);
  if (f.unread) base = base.where('read_at', 'is', null);
  const [items, total, unread] = await Promise.all([
    base
      .select(notificationColumns)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), unread: Number(unread.n) };
}

/** Whether the account has this notification (read now if it was not). */
export async function markRead(db: Executor, accountId: string, id: string): Promise<boolean> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function markAllRead(db: Executor, accountId: string) {
  await db.updateTable('notifications').set({ read_at: sql`now()` }).where('account_id', '=', accountId).where('read_at', 'is', null).execute();
}

export async function preferencesOf(db: Executor, accountId: string) {
  return db.selectFrom('notification_preferences').select(['category', 'delivery']).where('account_id', '=', accountId).execute();
}

export async function savePreferences(db: Executor, accountId: string, prefs: ReadonlyArray<{ category: string; delivery: string }>) {
  if (prefs.length === 0) return;
  await db
    .insertInto('notification_preferences')
    .values(prefs.map((p) => ({ account_id: accountId, category: p.category, delivery: p.delivery })))
    .onConflict((oc) => oc.columns(['account_id', 'category']).doUpdateSet((eb) => ({ delivery: eb.ref('excluded.delivery') })))
    .execute();
}

/** Of these notifications, those whose recipient wants their category by e-mail at once (no preference: at once). */
export async function wantedNow(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('notifications as n')
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.account_id', '=', 'n.account_id').onRef('p.category', '=', 'n.category'))
    .select('n.id')
    .where('n.id', 'in', [...ids])
    .where((eb) => eb.or([eb('p.delivery', 'is', null), eb('p.delivery', '=', 'immediately')]))
    .execute();
  return rows.map((r) => r.id);
}

/** Notifications not yet e-mailed, with their recipient's address (the e-mail job, the digest). */
export async function unsentNotifications(db: Executor, f: { ids?: readonly string[]; delivery?: 'daily'; before?: Date }) {
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .leftJoin('notification_preferences as p', (j) => j.onRef('p.account_id', '=', 'n.account_id').onRef('p.category', '=', 'n.category'))
    .select(['n.id', 'n.account_id', 'a.email', 'n.category', 'n.title', 'n.body', 'n.link', 'n.created_at'])
    .where('n.emailed_at', 'is', null);
  if (f.ids) q = q.where('n.id', 'in', f.ids.length ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.delivery) q = q.where('p.delivery', '=', f.delivery).where('n.read_at', 'is', null);
  if (f.before) q = q.where('n.created_at', '<', f.before);
  return q.orderBy('n.account_id').orderBy('n.created_at').execute();
}

export async function markEmailed(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ emailed_at: sql`now()` })
    .where('id', 'in', [...ids])
    .execute();
}

export async function accountEmail(db: Executor, accountId: string) {
  const row = await db.selectFrom('accounts').select('email').where('id', '=', accountId).executeTakeFirst();
  return row?.email;
}
