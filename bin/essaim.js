#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the command works from a clone
// without a build step.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'node_modules', 'node', 'bin', 'node');
const major = Number(process.versions.node.split('.')[0]);

if (major < 24 && existsSync(bundled)) {
  // Essaim runs on Node 24 LTS. npm scripts already find the Node 24 of the
  // `node` devDependency first on their PATH; `node bin/essaim.js` typed with
  // an older system Node hands over to it, signals and exit code passed along.
  const child = spawn(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import(join(root, 'cli', 'essaim.ts'));
  process.exitCode = await runCli(process.argv.slice(2));
}
