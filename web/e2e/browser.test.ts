import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrowser } from './browser';

/** Load the browser suites' harness in a fresh Node, as a browser test file does. */
function loadHarness(env: Record<string, string>) {
  const harness = fileURLToPath(new URL('./harness.ts', import.meta.url));
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `await import(${JSON.stringify(harness)})`], {
    env: { ...process.env, CHROMIUM_PATH: '/nulle-part/chromium', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('browser suites without Chromium', () => {
  const missing = () => false;

  it('fail when ESSAIM_REQUIRE_BROWSER=1 (CI), naming the missing browser', () => {
    expect(() => findBrowser({ CHROMIUM_PATH: '/nulle-part/chromium', ESSAIM_REQUIRE_BROWSER: '1' }, missing)).toThrow(
      /\/nulle-part\/chromium absent, et ESSAIM_REQUIRE_BROWSER=1 les exige/,
    );
  });

  it('make the harness fail in CI and only warn elsewhere', () => {
    const ci = loadHarness({ ESSAIM_REQUIRE_BROWSER: '1' });
    expect(ci.status).not.toBe(0);
    expect(ci.stderr).toMatch(/ESSAIM_REQUIRE_BROWSER=1 les exige/);
    const developer = loadHarness({ ESSAIM_REQUIRE_BROWSER: '' });
    expect(developer.status).toBe(0);
    expect(developer.stderr).toMatch(/Tests dans le navigateur ignorés : \/nulle-part\/chromium absent/);
  }, 60_000);

  it('are skipped with a warning on a developer’s machine', () => {
    expect(findBrowser({ CHROMIUM_PATH: '/nulle-part/chromium' }, missing)).toEqual({
      path: '/nulle-part/chromium',
      present: false,
      warning: 'Tests dans le navigateur ignorés : /nulle-part/chromium absent (apt-get install -y chromium).',
    });
    expect(findBrowser({ ESSAIM_REQUIRE_BROWSER: '1' }, (p) => p === '/usr/bin/chromium')).toMatchObject({
      path: '/usr/bin/chromium',
      present: true,
      warning: undefined,
    });
  });
});
