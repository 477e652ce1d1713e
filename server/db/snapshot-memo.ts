import type { Kysely } from 'kysely';
import { currentSnapshot } from './snapshot-queries';

/**
 * Reuses the result of an expensive read (aggregates over whole tables) while
 * the data it read has not changed. The computing statement returns the
 * version it read (by default the database snapshot, which any write moves; or
 * a narrower version, such as the counted data's, moved by triggers); a later
 * call first reads the current version (one cheap statement) and computes again
 * as soon as it differs. So the result is never stale — a write by another
 * server, an import, the command line or a direct SQL session moves the version
 * just as well as a write through this process.
 */
// biome-ignore lint/suspicious/noExplicitAny: any executor of the Essaim schema
export function snapshotMemo<V>(current: (db: Kysely<any>) => Promise<string | undefined> = currentSnapshot) {
  // biome-ignore lint/suspicious/noExplicitAny: any executor of the Essaim schema
  const byDatabase = new WeakMap<Kysely<any>, Map<string, { snapshot: string; value: V }>>();
  // biome-ignore lint/suspicious/noExplicitAny: any executor of the Essaim schema
  return async (db: Kysely<any>, key: string, compute: () => Promise<{ value: V; snapshot: string | undefined }>): Promise<V> => {
    let entries = byDatabase.get(db);
    if (!entries) byDatabase.set(db, (entries = new Map()));
    const kept = entries.get(key);
    if (kept && kept.snapshot === (await current(db))) return kept.value;
    const { value, snapshot } = await compute();
    if (snapshot) entries.set(key, { snapshot, value });
    else entries.delete(key);
    return value;
  };
}
