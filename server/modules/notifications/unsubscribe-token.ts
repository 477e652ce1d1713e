import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection';
import { getSetting } from '../../db/settings-queries';

const KEY = 'notifications.unsubscribe_secret';

/**
 * The key that signs unsubscribe links: drawn once and kept in the database,
 * so every server of the instance signs and checks with the same one.
 */
export async function unsubscribeSecret(db: Database): Promise<string> {
  await sql`insert into essaim_settings (key, value) values (${KEY}, ${JSON.stringify(randomBytes(32).toString('base64url'))}) on conflict (key) do nothing`.execute(
    db,
  );
  return (await getSetting<string>(db, KEY)) as string;
}

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** A token naming an account and the categories it leaves, signed (no expiry: an old e-mail's link still works). */
export function signUnsubscribe(secret: string, accountId: string, categories: readonly string[]): string {
  const payload = Buffer.from(JSON.stringify([accountId, categories])).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The account and categories of a genuine token; undefined for anything else. */
export function readUnsubscribe(secret: string, token: string): { accountId: string; categories: string[] } | undefined {
  const [payload = '', signature = '', extra] = token.split('.');
  if (extra !== undefined || !payload || !signature) return undefined;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const [accountId, categories] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof accountId !== 'string' || !Array.isArray(categories) || !categories.every((c) => typeof c === 'string')) return undefined;
    return { accountId, categories };
  } catch {
    return undefined;
  }
}
