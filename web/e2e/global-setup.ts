import { buildWebIfNeeded } from '../../bin/build-web.js';
import { findBrowser } from './browser';

/**
 * Build the web application once, before the browser test files start in
 * parallel (each building it would race on web/dist). Skipped for the
 * database-only run and where no Chromium can run the browser tests.
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  // Without a browser nothing to build; if one is required (CI), the browser suites fail on their own.
  if (!findBrowser({ ...process.env, ESSAIM_REQUIRE_BROWSER: undefined }).present) return;
  await buildWebIfNeeded({ quiet: true });
}
