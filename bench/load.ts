/**
 * Load benchmark: a fixed rate of mixed reads against a real server.
 *
 * The server runs as a child process (`essaim serve` on 127.0.0.1, a port
 * chosen by the system) on a fresh embedded database loaded with the demo
 * network, or on DATABASE_URL (seeded when empty). autocannon then sends
 * 200 requests/s (`overallRate`, 10 connections) for 60 s of mixed reads:
 * key figures, list searches with text and with a territory, record pages,
 * the map's counts, an unknown record (a 404, intended). Optionally
 * (`--writes` or BENCH_WRITES=1) authenticated writes at 20/s alongside
 * (bearer token of the national team, PATCH of projects and organisations).
 *
 * Reported: errors (target 0), non-2xx that were not intended, p50/p99/max
 * overall and per route kind (target p99 < 200 ms), the server's RSS before
 * and after; and, in the same run, a baseline: `/healthz` (no database) at
 * the same rate and connections, the floor this machine gives right now.
 *
 * With BENCH_SERVERS=2 (PostgreSQL only: the embedded database is one
 * process's), two servers run behind a small round-robin proxy that the
 * benchmark starts (bench/round-robin-proxy.ts, @fastify/http-proxy), and the
 * same mix goes through it. Then a capacity run (reads as fast as they are
 * answered, BENCH_CAPACITY_SECONDS, 32 connections) against one server
 * directly and against the two behind the proxy shows how throughput grows.
 *
 *   npm run bench:load                   # 60 s; BENCH_QUICK=1: 15 s
 *   npm run bench:load -- --writes       # with writes at 20/s
 *   BENCH_DURATION=30 BENCH_RATE=200 BENCH_CONNECTIONS=10 npm run bench:load
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_load npm run bench:load
 *   ESSAIM_BENCH_DIR=/tmp/seeded npm run bench:load   # seed once, copy the folder each run
 *   BENCH_CPU_PROF=/tmp/prof npm run bench:load       # server run with node --cpu-prof
 *   DATABASE_URL=… BENCH_SERVERS=2 npm run bench:load -- --writes   # two servers behind a round-robin proxy
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServerProcess } from '../server/test/server-processes';
import { percentile } from './stats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ESSAIM = join(ROOT, 'bin', 'essaim.js');
const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const DURATION = Number(env.BENCH_DURATION ?? (QUICK ? 15 : 60));
const RATE = Number(env.BENCH_RATE ?? 200);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const WRITES = process.argv.includes('--writes') || env.BENCH_WRITES === '1';
const WRITE_RATE = Number(env.BENCH_WRITE_RATE ?? 20);
const BASELINE_DURATION = Math.max(5, Math.round(DURATION / 4));
const SERVERS = Number(env.BENCH_SERVERS ?? 1);
const CAPACITY_SECONDS = Number(env.BENCH_CAPACITY_SECONDS ?? (QUICK ? 5 : 15));
const TARGET_P99 = 200;
const say = (s: string) => process.stdout.write(`${s}\n`);

// ---------------------------------------------------------------- the server

interface Server {
  base: string;
  child: ChildProcess;
  rss(): number;
  cpu(): number;
  stop(): Promise<void>;
}

/** `essaim …` in a child process with this environment; resolves with its exit code. */
function essaim(args: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ESSAIM, ...args], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 || code === 4 ? resolve(code) : reject(new Error(`essaim ${args.join(' ')} → ${code}\n${err}`))));
  });
}

/** Resident memory of a process, in bytes (Linux /proc, else ps). */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {}
  return Number.NaN;
}

/** CPU time a process has used so far (user + system), in ms (Linux /proc; clock ticks of 10 ms). */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function startServer(childEnv: NodeJS.ProcessEnv): Promise<Server> {
  const nodeFlags = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_CPU_PROF}`] : [];
  const server = await startServerProcess(childEnv, { nodeFlags });
  const pid = server.child.pid as number;
  return {
    base: server.base,
    child: server.child,
    rss: () => rssOf(pid),
    cpu: () => cpuOf(pid),
    stop: () => server.stop().then(() => {}),
  };
}

/** The round-robin proxy in a process of its own (not sharing the load generator's thread). */
async function startProxy(upstreams: string[]): Promise<{ base: string; child: ChildProcess; cpu(): number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'round-robin-proxy.ts'), ...upstreams], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /proxy (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`le proxy s’est arrêté (${code})`)));
  });
  return {
    base,
    child,
    cpu: () => cpuOf(child.pid as number),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---------------------------------------------------------------- the mix

interface Req extends autocannon.Request {
  /** Route kind, for per-kind figures. */
  kind: string;
  /** Status that counts as intended (default 2xx). */
  expect?: number;
}

/** Relative weights of each route kind in the read mix (sum 100). */
const MIX: Record<string, number> = {
  'key figures /api/stats': 15,
  'map /api/stats/territories': 10,
  'list: text': 20,
  'list: territory': 15,
  'list: text + territory': 10,
  'record page': 25,
  'unknown record (404)': 5,
};

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${init?.method ?? 'GET'} ${url} → ${r.status} ${(await r.text()).slice(0, 300)}`);
  return (await r.json()) as T;
}

/** What a browser sends (compressed answers, as the web application gets them). */
const BROWSER = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };

/** Builds the read mix from the server's own data: ids, territories that have projects, words. */
async function readMix(base: string): Promise<Req[]> {
  type Page = { items: Array<{ id: string }> };
  const projects = (await getJson<Page>(`${base}/api/projects?pageSize=100`)).items.map((p) => `/api/projects/${p.id}`);
  const collectives = (await getJson<Page>(`${base}/api/collectives?pageSize=100`)).items.map((p) => `/api/collectives/${p.id}`);
  const organisations = (await getJson<Page>(`${base}/api/organisations?pageSize=100&sort=name`)).items.map((p) => `/api/organisations/${p.id}`);
  const map = await getJson<{ items: Array<{ code: string; projects: number }> }>(`${base}/api/stats/territories?level=departement`);
  const deps = map.items.filter((t) => t.projects > 0).map((t) => `departement:${t.code}`);
  const regions = (await getJson<typeof map>(`${base}/api/stats/territories?level=region`)).items.filter((t) => t.projects > 0).map((t) => `region:${t.code}`);
  const territories = [...deps.slice(0, 15), ...regions.slice(0, 5)];
  const words = [
    'solidaire',
    'recyclerie',
    'insertion',
    'alimentation',
    'energie',
    'mobilite',
    'jardin',
    'tiers-lieu',
    'reemploi',
    'habitat',
    'numerique',
    'chambery',
  ];
  const lists = ['projects', 'organisations', 'collectives'];
  const records = [...projects, ...collectives, ...organisations];
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length] as T;
  const kinds: Record<string, (i: number) => Req> = {
    'key figures /api/stats': () => ({ kind: '', path: '/api/stats' }),
    'map /api/stats/territories': (i) => ({ kind: '', path: `/api/stats/territories?level=${i % 3 ? 'departement' : 'region'}` }),
    'list: text': (i) => ({ kind: '', path: `/api/${pick(lists, i)}?q=${encodeURIComponent(pick(words, i * 7))}` }),
    'list: territory': (i) => ({ kind: '', path: `/api/${pick(lists, i)}?territory=${pick(territories, i * 5)}` }),
    'list: text + territory': (i) => ({
      kind: '',
      path: `/api/${pick(lists, i)}?q=${encodeURIComponent(pick(words, i * 5))}&territory=${pick(territories, i * 3)}`,
    }),
    'record page': (i) => ({ kind: '', path: pick(records, i * 37) }),
    'unknown record (404)': (i) => ({ kind: '', path: `/api/${pick(lists, i)}/00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, expect: 404 }),
  };
  // A fixed, interleaved sequence: each kind spread evenly over 200 slots.
  const slots: Array<{ at: number; req: Req }> = [];
  for (const [kind, weight] of Object.entries(MIX)) {
    const n = weight * 2;
    for (let i = 0; i < n; i++)
      slots.push({ at: (i + 0.5) / n + slots.length * 1e-9, req: { ...(kinds[kind] as (i: number) => Req)(i), kind, method: 'GET', headers: BROWSER } });
  }
  return slots.sort((a, b) => a.at - b.at).map((s) => s.req);
}

/** A bearer token of the national team and the records its writes touch. */
async function writeMix(base: string): Promise<Req[]> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'equipe@essaim.test', password: 'essaim-demo-2020' }),
  });
  if (!login.ok) throw new Error(`connexion de l’équipe nationale → ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { token } = await getJson<{ token: string }>(`${base}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: `bench:load ${new Date().toISOString()}` }),
  });
  type Page = { items: Array<{ id: string; description?: string | null }> };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const out: Req[] = [];
  for (const entity of ['projects', 'organisations']) {
    const items = (await getJson<Page>(`${base}/api/${entity}?pageSize=20`)).items;
    for (const item of items) {
      let n = 0;
      const body = (suffix: string) => JSON.stringify({ description: `${(item.description ?? '').replace(/ \(charge \d+\)$/, '')} (charge ${suffix})`.trim() });
      out.push({
        kind: `write: PATCH /api/${entity}/{id}`,
        method: 'PATCH',
        path: `/api/${entity}/${item.id}`,
        headers,
        body: body('0'),
        // A different description each time, so every write changes the record.
        setupRequest: (req) => ({ ...req, body: body(String(++n)) }),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- running

interface Sample {
  kind: string;
  ms: number;
  status: number;
  intended: boolean;
}

interface Run {
  samples: Sample[];
  errors: number;
  timeouts: number;
  sent: number;
}

/** Runs autocannon at a fixed overall rate; every response recorded with its route kind. */
function load(base: string, requests: Req[], rate: number, connections: number, seconds: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const samples: Sample[] = [];
    let errors = 0;
    let seed = 0;
    const instance = autocannon(
      {
        url: base,
        requests,
        ...(rate > 0 ? { overallRate: rate } : {}),
        connections,
        duration: seconds,
        timeout: 10,
        // Each connection starts at its own place in the sequence (not all on the same route at once).
        setupClient: (client) => {
          const start = Math.floor((seed++ * requests.length) / connections);
          (client as unknown as { requestIterator: { setRequests(r: Req[]): void } }).requestIterator.setRequests([
            ...requests.slice(start),
            ...requests.slice(0, start),
          ]);
        },
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({ samples, errors, timeouts: result.timeouts, sent: result.requests.sent });
      },
    );
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      const req = (client as unknown as { requestIterator: { currentRequest: Req } }).requestIterator.currentRequest;
      const intended = req.expect ? statusCode === req.expect : statusCode >= 200 && statusCode < 300;
      samples.push({ kind: req.kind, ms: responseTime, status: statusCode, intended });
    });
    instance.on('reqError', () => {
      errors++;
    });
  });
}

const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(8);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function row(label: string, samples: Sample[]) {
  const t = samples.map((s) => s.ms);
  const bad = samples.filter((s) => !s.intended).length;
  return `${label.padEnd(36)} ${String(samples.length).padStart(6)} ${ms(percentile(t, 50))} ${ms(percentile(t, 99))} ${ms(Math.max(...t))} ${String(bad).padStart(8)}`;
}

function report(title: string, run: Run, seconds: number, kinds: string[]) {
  say(
    `\n${title}: ${run.sent} requests sent in ${seconds} s (${(run.samples.length / seconds).toFixed(0)} answered/s), ${run.errors} errors (${run.timeouts} timeouts)`,
  );
  say(`${'route kind'.padEnd(36)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'non-2xx*'.padStart(8)}`);
  for (const k of kinds) {
    const s = run.samples.filter((x) => x.kind === k);
    if (s.length) say(row(k, s));
  }
  say(row('all', run.samples));
  const unintended = run.samples.filter((s) => !s.intended);
  if (unintended.length) {
    const byStatus = new Map<string, number>();
    for (const s of unintended) byStatus.set(`${s.kind} → ${s.status}`, (byStatus.get(`${s.kind} → ${s.status}`) ?? 0) + 1);
    for (const [k, n] of byStatus) say(`  unintended: ${k} ×${n}`);
  }
}

// ---------------------------------------------------------------- main

const postgres = Boolean(env.DATABASE_URL);
const dataDir = postgres ? undefined : mkdtempSync(join(tmpdir(), 'essaim-bench-load-'));
const childEnv: NodeJS.ProcessEnv = {
  ...env,
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'info',
  ...(dataDir ? { ESSAIM_DATA_DIR: dataDir } : {}),
};
if (SERVERS > 1 && !postgres) throw new Error('BENCH_SERVERS > 1 demande DATABASE_URL : la base intégrée appartient à un seul processus.');
const servers: Server[] = [];
let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
const sumOf = (f: (s: Server) => number) => servers.reduce((n, s) => n + f(s), 0);
try {
  const t0 = performance.now();
  const template = env.ESSAIM_BENCH_DIR;
  if (dataDir && template && existsSync(template) && readdirSync(template).length) {
    cpSync(template, dataDir, { recursive: true });
  } else {
    // seed exits with 4 when the database already holds data (PostgreSQL reused): fine.
    await essaim(['seed', '--demo'], childEnv);
    if (dataDir && template) cpSync(dataDir, template, { recursive: true });
  }
  say(
    `database: ${postgres ? 'PostgreSQL (DATABASE_URL)' : 'embedded (PGlite), fresh copy'} with the demo network, ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  for (const s of await Promise.all(Array.from({ length: SERVERS }, () => startServer(childEnv)))) servers.push(s);
  if (SERVERS > 1) proxy = await startProxy(servers.map((s) => s.base));
  const base = proxy?.base ?? (servers[0] as Server).base;

  const reads = await readMix(base);
  const writes = WRITES ? await writeMix(base) : [];
  // Warm-up: every distinct request once, then a short burst (JIT, caches, connections).
  for (const r of [...new Map(reads.map((x) => [x.path, x])).values()]) await fetch(`${base}${r.path}`).then((x) => x.arrayBuffer());
  await load(base, reads, RATE, CONNECTIONS, 3);

  say(
    `${SERVERS > 1 ? `${SERVERS} servers (child processes) behind a round-robin proxy on ${base}` : `server: child process on ${base}`}, LOG_LEVEL=${childEnv.LOG_LEVEL}; load: ${RATE} requests/s over ${CONNECTIONS} connections (autocannon overallRate)${WRITES ? `, writes ${WRITE_RATE}/s alongside` : ''}`,
  );
  const cpu0 = sumOf((s) => s.cpu());
  const baseline = await load(base, [{ kind: 'baseline /healthz', method: 'GET', path: '/healthz' }], RATE, CONNECTIONS, BASELINE_DURATION);
  report('baseline, /healthz at the same rate', baseline, BASELINE_DURATION, ['baseline /healthz']);

  const baselineCpu = (sumOf((s) => s.cpu()) - cpu0) / Math.max(1, baseline.samples.length);
  const rssBefore = servers.map((s) => s.rss());
  const cpu1 = sumOf((s) => s.cpu());
  const [mixed, written] = await Promise.all([
    load(base, reads, RATE, CONNECTIONS, DURATION),
    writes.length ? load(base, writes, WRITE_RATE, 2, DURATION) : Promise.resolve(undefined),
  ]);
  const rssAfter = servers.map((s) => s.rss());
  const mixCpu = (sumOf((s) => s.cpu()) - cpu1) / Math.max(1, mixed.samples.length + (written?.samples.length ?? 0));
  report(`mixed reads at ${RATE}/s`, mixed, DURATION, Object.keys(MIX));
  if (written) report(`authenticated writes at ${WRITE_RATE}/s (alongside)`, written, DURATION, [...new Set(writes.map((w) => w.kind))]);

  const all = mixed.samples.map((s) => s.ms);
  const p99 = percentile(all, 99);
  const unintended = mixed.samples.filter((s) => !s.intended).length + (written?.samples.filter((s) => !s.intended).length ?? 0);
  const errors = mixed.errors + (written?.errors ?? 0);
  say(`\n(* non-2xx: answers other than 2xx, except the intended 404s)`);
  // Noise-proof: the servers' own CPU time per answered request (what caps their throughput, one thread each).
  say(
    `server CPU per request: ${mixCpu.toFixed(2)} ms in the mix (${((mixCpu * RATE) / 10).toFixed(0)} % of one core at ${RATE}/s), ${baselineCpu.toFixed(2)} ms for /healthz`,
  );
  servers.forEach((_, i) => {
    const before = rssBefore[i] as number;
    const after = rssAfter[i] as number;
    say(
      `server${SERVERS > 1 ? ` ${i + 1}` : ''} RSS: ${mib(before)} before the mix, ${mib(after)} after (${after >= before ? '+' : ''}${mib(after - before)})`,
    );
  });
  const wp99 = written
    ? percentile(
        written.samples.map((s) => s.ms),
        99,
      )
    : undefined;
  say(
    `summary: reads p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (target < ${TARGET_P99} ms: ${p99 < TARGET_P99 ? 'OK' : 'MISSED'}), max ${Math.max(...all).toFixed(0)} ms${wp99 === undefined ? '' : `; writes p99 ${wp99.toFixed(0)} ms`}; errors ${errors} (target 0: ${errors === 0 ? 'OK' : 'MISSED'}); unintended non-2xx ${unintended}`,
  );
  const bp = (q: number) =>
    percentile(
      baseline.samples.map((s) => s.ms),
      q,
    );
  say(
    `         baseline /healthz p50 ${bp(50).toFixed(0)} ms, p99 ${bp(99).toFixed(0)} ms → reads p99 / baseline p99 = ${(p99 / Math.max(1, bp(99))).toFixed(1)}×`,
  );

  if (CAPACITY_SECONDS > 0) {
    // Throughput: reads as fast as they are answered (no fixed rate), one server alone, then all of them behind the proxy.
    const capacity = async (target: string) => {
      const run = await load(target, reads, 0, 32, CAPACITY_SECONDS);
      return {
        perSecond: run.samples.length / CAPACITY_SECONDS,
        p99: percentile(
          run.samples.map((s) => s.ms),
          99,
        ),
        errors: run.errors,
      };
    };
    const one = await capacity((servers[0] as Server).base);
    say(
      `\ncapacity (reads, 32 connections, ${CAPACITY_SECONDS} s): one server ${one.perSecond.toFixed(0)} answers/s (p99 ${one.p99.toFixed(0)} ms, ${one.errors} errors)`,
    );
    if (proxy) {
      const both = await capacity(proxy.base);
      say(
        `capacity: ${SERVERS} servers behind the proxy ${both.perSecond.toFixed(0)} answers/s (p99 ${both.p99.toFixed(0)} ms, ${both.errors} errors) → ×${(both.perSecond / Math.max(1, one.perSecond)).toFixed(2)}`,
      );
    }
  }
} finally {
  await proxy?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
