#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the command works from a clone
// without a build step.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import(join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'essaim.ts'));
process.exitCode = await runCli(process.argv.slice(2));
