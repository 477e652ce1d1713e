import { typo } from '../../../shared/text';
import type { NotificationCategory } from '../../../shared/vocabulary';
import type { Executor } from '../../db/connection';
import { runningQueue } from '../jobs/job-queue';
import { insertNotifications, wantedNow } from './notification-queries';

/** The queue of the e-mail that tells a notification at once (notification-jobs.ts). */
export const EMAIL_JOB = 'notifications.email';

/**
 * Tell accounts that something concerns them: the one call every module makes
 * (a role granted, a meeting request, an agenda change…). Inside the caller's
 * transaction, so a change that rolls back tells nobody. Texts are French,
 * written for the recipient; `link` is a page of the application.
 *
 * Those who want the category by e-mail at once get it from the job queue,
 * enqueued in the same transaction; the daily digest takes the others'.
 */
export async function notify(
  db: Executor,
  n: { accountIds: readonly string[]; category: NotificationCategory; title: string; body?: string; link?: string | null },
): Promise<void> {
  const ids = await insertNotifications(db, { ...n, title: typo(n.title), ...(n.body ? { body: typo(n.body) } : {}) });
  const queue = runningQueue();
  if (!queue || ids.length === 0) return;
  const now = await wantedNow(db, ids);
  if (now.length) await queue.enqueue(EMAIL_JOB, { notificationIds: now }, { in: db });
}
