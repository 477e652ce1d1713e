import { z } from 'zod';
import { notificationCategories, notificationDeliveries } from '../vocabulary';
import { line, queryBoolean, uuid } from './common';

export const notificationListQuery = z.strictObject({
  unread: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const notification = z.object({
  id: uuid,
  category: z.enum(notificationCategories),
  categoryLabel: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.output<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification),
  total: z.number().int(),
  /** Unread notifications of the account (the bell's figure), whatever the filter. */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const notificationPreference = z.strictObject({ category: z.enum(notificationCategories), delivery: z.enum(notificationDeliveries) });
export const notificationPreferencesInput = z.strictObject({ preferences: z.array(notificationPreference).max(notificationCategories.length) });
export const notificationPreferences = z.object({
  preferences: z.array(z.object({ category: z.enum(notificationCategories), label: z.string(), delivery: z.enum(notificationDeliveries) })),
});

/** The signed token of an e-mail's unsubscribe link (no session needed). */
export const unsubscribeQuery = z.strictObject({ token: line().min(10).max(400) });
export const unsubscribeResult = z.object({ category: z.enum(notificationCategories), label: z.string(), email: z.string() });
