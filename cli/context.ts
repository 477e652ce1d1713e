import { type Config, readConfig } from '../server/config';
import type { OpenDatabase } from '../server/db/connection';
import { prepareDatabase } from '../server/bootstrap';
import { openDatabase } from '../server/db/connection';
import { tell } from './output';

/** Run a command against the configured database, closing it whatever happens. */
export async function withDatabase<T>(
  purpose: string,
  fn: (db: OpenDatabase, config: Config) => Promise<T>,
  opts: { prepare?: boolean } = { prepare: true },
): Promise<T> {
  const config = readConfig();
  const open = opts.prepare === false ? await openDatabase(config.database, purpose) : await prepareDatabase(config, { purpose, log: (m) => tell(`${m}\n`) });
  try {
    return await fn(open, config);
  } finally {
    await open.close();
  }
}
