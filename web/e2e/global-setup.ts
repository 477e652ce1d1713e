import { existsSync } from 'node:fs';
import { buildWebIfNeeded } from '../../bin/build-web.js';

/**
 * Build the web application once, before the browser test files start in
 * parallel (each building it would race on web/dist). Skipped for the
 * database-only run and where no Chromium can run the browser tests.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return;
  await buildWebIfNeeded({ quiet: true });
}
