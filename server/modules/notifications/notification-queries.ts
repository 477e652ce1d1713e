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
