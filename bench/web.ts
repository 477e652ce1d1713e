/**
 * Web application benchmark: what the home page costs a visitor.
 *
 * - JavaScript the home page loads (gzip, as the server sends it), against the
 *   whole application's JavaScript (what one unsplit bundle would weigh):
 *   target < 300 KB gzipped.
 * - First render on localhost with the demo network, cold browser cache, in
 *   Debian's Chromium: first contentful paint, and the moment the key figures
 *   (live from /api/stats) and the map are drawn; target < 1 s. Baseline in
 *   the same run: the bare page shell (HTML + CSS, no script) from the same
 *   server, the floor any page pays.
 *
 *   npm run bench:web        (BENCH_RUNS=15 by default)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { buildWebIfNeeded } from '../bin/build-web.js';
import { buildApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { readConfig } from '../server/config';
import { WEB_DIST } from '../server/http/web-app';
import { findBrowser, launchChromium } from '../web/e2e/browser';
import { percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const say = (s: string) => process.stdout.write(`${s}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

await buildWebIfNeeded();
const dataDir = mkdtempSync(join(tmpdir(), 'essaim-bench-web-'));
const config = readConfig({ ...process.env, LOG_LEVEL: 'silent', ESSAIM_DATA_DIR: dataDir, DATABASE_URL: undefined });
const open = await prepareDatabase(config, { purpose: 'bench:web', firstStart: 'demo' });
const app = await buildApp({ db: open.db });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await launchChromium(findBrowser().path);

try {
  // 1. JavaScript of the home page, as loaded by the browser.
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && r.url().startsWith(base)) scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(base);
  await page.locator('svg a').first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  const gz = (path: string) => gzipSync(readFileSync(join(WEB_DIST, path))).length;
  const homeJs = [...scripts].reduce((n, p) => n + gz(p), 0);
  const allJs = readdirSync(join(WEB_DIST, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gz(`assets/${f}`), 0);
  const homeRaw = [...scripts].reduce((n, p) => n + readFileSync(join(WEB_DIST, p)).length, 0);
  await context.close();

  // 2. First render, cold cache each run (a new browser context).
  const fcp: number[] = [];
  const figures: number[] = [];
  const map: number[] = [];
  const shell: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(base);
    await p.getByRole('link', { name: '400' }).waitFor({ timeout: 20_000 });
    const tFigures = await p.evaluate(() => performance.now());
    await p.locator('svg a').first().waitFor({ timeout: 20_000 });
    const tMap = await p.evaluate(() => performance.now());
    const tFcp = await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    // Baseline: the same server's page shell without its script.
    const bare = await ctx.newPage();
    await bare.route('**/*.js', (r) => r.abort());
    await bare.goto(`${base}/mentions-legales`);
    // (Runs in the page: its Navigation Timing entry.)
    const tShell = await bare.evaluate(() => (performance.getEntriesByType('navigation' as never)[0] as unknown as { loadEventEnd: number }).loadEventEnd);
    await ctx.close();
    if (i < 2) continue; // warm-up: server caches, browser process
    fcp.push(tFcp);
    figures.push(tFigures);
    map.push(tMap);
    shell.push(tShell);
  }
  const med = (xs: number[]) => `${percentile(xs, 50).toFixed(0)} ms (p95 ${percentile(xs, 95).toFixed(0)} ms)`;
  say(`home page JavaScript: ${kb(homeJs)} gzipped in ${scripts.size} files (${kb(homeRaw)} raw) — target < 300 KB`);
  say(
    `  baseline, the whole application's JavaScript (one unsplit bundle): ${kb(allJs)} gzipped → the home page loads ${((100 * homeJs) / allJs).toFixed(0)} %`,
  );
  say(`first render on localhost, demo network, cold cache, median of ${RUNS}:`);
  say(`  first contentful paint      ${med(fcp)}`);
  say(`  key figures drawn (/api/stats) ${med(figures)} — target < 1000 ms`);
  say(`  map drawn                   ${med(map)}`);
  say(`  baseline, bare page shell (HTML + CSS, no script), load event: ${med(shell)}`);
  say(`  ratio key figures / shell: ${(percentile(figures, 50) / percentile(shell, 50)).toFixed(2)}×`);
} finally {
  await browser.close();
  await app.close();
  await open.close();
  rmSync(dataDir, { recursive: true, force: true });
}
