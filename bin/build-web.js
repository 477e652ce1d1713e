#!/usr/bin/env node
// Build the web application when its sources are newer than the last build,
// so `npm start` on a fresh clone serves the interface without a manual step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'web', 'dist', 'index.html');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const name of readdirSync(path)) if (name !== 'dist' && name !== 'node_modules') m = Math.max(m, newest(join(path, name)));
  return m;
}

export async function buildWebIfNeeded({ quiet = false } = {}) {
  const sources = Math.max(newest(join(root, 'web')), newest(join(root, 'shared')), newest(join(root, 'vite.config.ts')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return false;
  if (!quiet) process.stderr.write('Construction de l’interface web (vite build)…\n');
  const { build } = await import('vite');
  // Always the production bundle: Vite follows NODE_ENV, and a build made from
  // the test runner (NODE_ENV=test) would otherwise be React's development
  // build, which `npm start` would then serve as up to date.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: join(root, 'web'), configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'silent' : 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWebIfNeeded();
}
