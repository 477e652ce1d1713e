import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { TEMPLATE_DUMP } from './paths';

const ESSAIM = join(import.meta.dirname, '..', '..', 'bin', 'essaim.js');

/** An `essaim serve` child process listening on 127.0.0.1. */
export interface ServerProcess {
  /** http://127.0.0.1:PORT */
  base: string;
  child: ChildProcess;
  /** What the server wrote on stderr so far (start-up and stop messages). */
  stderr(): string;
  /** Its exit, once it comes. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Send a signal (default SIGTERM) and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Start `essaim serve --port 0` as a real process (the command a person runs)
 * with this environment, and resolve once it listens. `nodeFlags` go to Node
 * (e.g. `--cpu-prof`).
 */
export function startServerProcess(env: NodeJS.ProcessEnv, opts: { nodeFlags?: string[]; startTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), ESSAIM, 'serve', '--port', '0'], {
    env: { HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Request logs (pino) are drained, as a log collector would.
  child.stdout?.resume();
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`le serveur n’a pas démarré en ${opts.startTimeoutMs ?? 120_000} ms :\n${err}`));
    }, opts.startTimeoutMs ?? 120_000);
    const onData = () => {
      const m = /écoute sur http:\/\/localhost:(\d+)/.exec(err);
      if (!m) return;
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      resolve({
        base: `http://127.0.0.1:${m[1]}`,
        child,
        stderr: () => err,
        exited,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`le serveur s’est arrêté (${code}) :\n${err}`));
    });
  });
}

/**
 * Start N servers on one PostgreSQL database (`databaseUrl`), as a load
 * balancer would have them, each its own process. Stop them with `stopAll`.
 */
export async function startServers(n: number, databaseUrl: string, env: NodeJS.ProcessEnv = {}) {
  const servers = await Promise.all(
    Array.from({ length: n }, () => startServerProcess({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env, DATABASE_URL: databaseUrl })),
  );
  return { servers, stopAll: () => Promise.all(servers.map((s) => s.stop())) };
}

/**
 * The environment of a test server on this run's database: the PostgreSQL test
 * database (TEST_DATABASE_URL), or else a data folder of its own made from the
 * migrated template (an embedded database is one process's). `cleanup` removes it.
 */
export async function testServerEnv(extra: NodeJS.ProcessEnv = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...extra };
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { env: { ...base, DATABASE_URL: url }, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'essaim-server-'));
  const pglite = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([readFileSync(TEMPLATE_DUMP)]) });
  await pglite.close();
  const { DATABASE_URL: _none, ...rest } = base;
  return { env: { ...rest, ESSAIM_DATA_DIR: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
