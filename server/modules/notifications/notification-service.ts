import type { z } from 'zod';
import type { notificationPreferencesInput } from '../../../shared/schemas/notification';
import { type NotificationCategory, notificationCategories, notificationCategoryLabels, type NotificationDelivery } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import { invalid, notFound } from '../../errors';
import { authorize } from '../../policies/authorize';
import type { Actor } from '../../policies/actor';
import * as q from './notification-queries';
import { notificationPolicy } from './notification-policy';
import { readUnsubscribe, unsubscribeSecret } from './unsubscribe-token';

const accountOf = (actor: Actor) => {
  authorize(actor, 'own', { policy: notificationPolicy });
  return (actor as Extract<Actor, { kind: 'account' }>).accountId;
};

/** A person's own notifications and e-mail preferences; nobody reads another's. */
export function notificationService(db: Database) {
  async function preferences(accountId: string) {
    const set = new Map((await q.preferencesOf(db, accountId)).map((p) => [p.category, p.delivery as NotificationDelivery]));
    return {
      preferences: notificationCategories.map((category) => ({
        category,
        label: notificationCategoryLabels[category],
        delivery: set.get(category) ?? ('immediately' as const),
      })),
    };
  }
  return {
    async list(actor: Actor, f: { unread?: boolean | undefined; page: number; pageSize: number }) {
      const accountId = accountOf(actor);
      const r = await q.listNotifications(db, accountId, f);
      return {
        items: r.items.map((n) => ({
          id: n.id,
          category: n.category as NotificationCategory,
          categoryLabel: notificationCategoryLabels[n.category as NotificationCategory] ?? n.category,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.created_at.toISOString(),
          readAt: n.read_at?.toISOString() ?? null,
        })),
        total: r.total,
        unread: r.unread,
        page: f.page,
        pageSize: f.pageSize,
      };
    },
    async read(actor: Actor, id: string) {
      // Another person's notification is as absent as one that never existed.
      if (!(await q.markRead(db, accountOf(actor), id))) throw notFound('Notification', id);
    },
    async readAll(actor: Actor) {
      await q.markAllRead(db, accountOf(actor));
    },
    async preferences(actor: Actor) {
      return preferences(accountOf(actor));
    },
    async setPreferences(actor: Actor, input: z.output<typeof notificationPreferencesInput>) {
      const accountId = accountOf(actor);
      if (new Set(input.preferences.map((p) => p.category)).size !== input.preferences.length)
        throw invalid('Une catégorie est donnée deux fois.', [{ path: 'preferences', message: 'Une catégorie est donnée deux fois.' }]);
      await q.savePreferences(db, accountId, input.preferences);
      return preferences(accountId);
    },
    /** One click from an e-mail: the signed token is the authority (no session); its categories are no longer e-mailed. */
    async unsubscribe(token: string) {
      const read = readUnsubscribe(await unsubscribeSecret(db), token);
      const email = read && (await q.accountEmail(db, read.accountId));
      const categories = (read?.categories ?? []).filter((c): c is NotificationCategory => (notificationCategories as readonly string[]).includes(c));
      if (!read || !email || categories.length === 0)
        throw invalid('Ce lien de désabonnement n’est pas valide : ouvrez vos préférences depuis votre compte.', [], 'invalid_unsubscribe_token');
      await q.savePreferences(
        db,
        read.accountId,
        categories.map((category) => ({ category, delivery: 'never' })),
      );
      return { category: categories[0] as NotificationCategory, label: categories.map((c) => notificationCategoryLabels[c]).join(', '), email };
    },
  };
}
