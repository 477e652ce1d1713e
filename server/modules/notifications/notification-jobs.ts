import type { NotificationCategory } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import type { Mailer } from '../auth/mailer';
import { defineJob } from '../jobs/job-queue';
import { notificationMail } from './notification-mail';
import { markEmailed, unsentNotifications } from './notification-queries';
import { EMAIL_JOB } from './notify';
import { signUnsubscribe, unsubscribeSecret } from './unsubscribe-token';

type Unsent = Awaited<ReturnType<typeof unsentNotifications>>[number];

/**
 * The jobs that deliver notifications by e-mail: at once (enqueued by
 * notify()), and the daily digest at 7:00 (Paris) grouping, per person, the
 * notifications of the categories they asked « daily » for. Each notification
 * is stamped when its e-mail left, so a retried job or the next digest skips it.
 */
export function notificationJobs(deps: { db: Database; mailer: Mailer; publicUrl: string }) {
  const { db, mailer, publicUrl } = deps;

  async function send(rows: Unsent[], digest: boolean) {
    const secret = await unsubscribeSecret(db);
    const byAccount = new Map<string, Unsent[]>();
    for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
    for (const [accountId, items] of byAccount) {
      // One e-mail per notification when sent at once (each its own unsubscribe), one for the digest.
      for (const batch of digest ? [items] : items.map((i) => [i])) {
        const categories = [...new Set(batch.map((i) => i.category))];
        const token = signUnsubscribe(secret, accountId, categories);
        await mailer(
          notificationMail({
            to: (batch[0] as Unsent).email,
            publicUrl,
            digest,
            date: new Date(),
            items: batch.map((i) => ({ title: i.title, body: i.body, link: i.link, category: i.category as NotificationCategory })),
            unsubscribe: {
              post: `${publicUrl}/api/notifications/unsubscribe?token=${token}`,
              page: `${publicUrl}/notifications/desabonnement?jeton=${token}`,
            },
          }),
        );
        await markEmailed(
          db,
          batch.map((i) => i.id),
        );
      }
    }
    return { sent: rows.length };
  }

  return [
    defineJob<{ notificationIds: string[] }>({
      name: EMAIL_JOB,
      label: 'E-mail de notification',
      retryLimit: 5,
      retryDelay: 30,
      run: async (job) => send(await unsentNotifications(db, { ids: job.data.notificationIds }), false),
    }),
    defineJob({
      name: 'notifications.digest',
      label: 'Récapitulatif quotidien des notifications',
      cron: '0 7 * * *',
      run: async () => send(await unsentNotifications(db, { delivery: 'daily', before: new Date() }), true),
    }),
  ];
}
