import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Where Debian's Chromium is (never a downloaded browser; `.ci/run` installs
 * it), and what to do without it: on a developer's machine the browser suites
 * are skipped with a warning; with ESSAIM_REQUIRE_BROWSER=1 (set by `.ci/run`)
 * a missing browser is an error, so CI never passes green without them.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync) {
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const present = exists(path);
  if (!present && env.ESSAIM_REQUIRE_BROWSER === '1') {
    throw new Error(
      `Tests dans le navigateur impossibles : ${path} absent, et ESSAIM_REQUIRE_BROWSER=1 les exige (apt-get install -y chromium, ou CHROMIUM_PATH=…).`,
    );
  }
  return { path, present, warning: present ? undefined : `Tests dans le navigateur ignorés : ${path} absent (apt-get install -y chromium).` };
}

/** Chromium without the network chatter (updates, sync, QUIC) that would disturb tests and measurements. */
export function launchChromium(executablePath: string) {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
