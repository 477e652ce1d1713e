import type { NotificationCategory } from '../../../shared/vocabulary';
import type { Executor } from '../../db/connection';
import { insertNotifications } from './notification-queries';

/**
 * Tell accounts that something concerns them: the one call every module makes
 * (a role granted, a meeting request, an agenda change…). Inside the caller's
 * transaction, so a change that rolls back tells nobody. Texts are French,
 * written for the recipient; `link` is a page of the application.
 */
export async function notify(
  db: Executor,
  n: { accountIds: readonly string[]; category: NotificationCategory; title: string; body?: string; link?: string | null },
): Promise<void> {
  await insertNotifications(db, n);
}
