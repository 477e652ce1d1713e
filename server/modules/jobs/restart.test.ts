import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATE_DUMP } from '../../test/paths';
import { onPostgres } from '../../test/test-db';

const dir = mkdtempSync(join(tmpdir(), 'essaim-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Start one life of the server; resolves with it once it printed a line matching `until`. */
function life(args: string[], until: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'restart-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => until.test(l));
      if (line) resolve({ child, line });
    });
    child.stderr?.on('data', (d) => {
      err += String(d);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before « ${until} »: ${out}\n${err}`)));
  });
}

describe(`a job survives the death of its server (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('enqueued, then kill -9 before it runs: after the restart it runs, its effect once', async () => {
    const target = process.env.TEST_DATABASE_URL ?? join(dir, 'donnees');
    // The embedded data folder starts as the test template (migrated, queue installed): the lives start quickly.
    if (!onPostgres) await (await PGlite.create({ dataDir: target, loadDataDir: new Blob([readFileSync(TEMPLATE_DUMP)]) })).close();
    const runs = join(dir, 'runs.txt');
    writeFileSync(runs, '');
    const first = await life(['enqueue', target, runs], /^enqueued /);
    const id = first.line.split(' ')[1] as string;
    const died = new Promise((r) => first.child.on('exit', r));
    first.child.kill('SIGKILL');
    await died;
    expect(readFileSync(runs, 'utf8')).toBe('');

    const second = await life(['work', target, runs, id], /^done$/);
    await new Promise((r) => second.child.on('exit', r));
    expect(readFileSync(runs, 'utf8')).toBe(`${id}\n`);
  }, 300_000);
});
