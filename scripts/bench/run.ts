// `npm run bench`: the API against a bare Express + better-sqlite3 baseline and two peers
// (openapi-backend and express-openapi-validator at run time), as real processes on loopback,
// interleaved so the machine's drift touches every server alike. Writes BENCHMARKS.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { largeDb } from './large-db.js';
import { writeSection } from './report.js';

const rows = 1_000_000;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 10;
const pristine = `bench/data/users-${rows}.db`;
mkdirSync('bench/data', { recursive: true });
await largeDb(pristine, rows);
// Writes go to a copy, so the seeded file stays as stated for the next run.
const file = 'bench/data/run.db';
// A stale -wal or -shm beside a fresh copy would corrupt it.
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
copyFileSync(pristine, file);

interface Server {
  name: string;
  command: string[];
  env: Record<string, string>;
}
const servers: Server[] = [
  // The lowest password cost, so createUser compares routing, validation and the insert with servers
  // that hash nothing; `npm run bench:auth` measures sign-up at the production cost.
  { name: 'API', command: ['dist/src/server.js'], env: { DATABASE_URL: `sqlite:${file}`, RATE_LIMITS: 'off', SEED_DEMO_DATA: 'false', PASSWORD_HASH_COST: '10' } },
  { name: 'baseline', command: ['bench/baseline/server.mjs'], env: { DATABASE_FILE: file } },
  { name: 'openapi-backend', command: ['bench/peers/openapi-backend.mjs'], env: { DATABASE_FILE: file } },
  { name: 'express-openapi-validator', command: ['bench/peers/express-openapi-validator.mjs'], env: { DATABASE_FILE: file } },
];

let nextPort = 3700;
/** Spawns a server and resolves at its first 200, with the milliseconds that took. */
async function start(server: Server): Promise<{ child: ChildProcess; origin: string; coldStartMs: number }> {
  const port = nextPort++;
  const t0 = performance.now();
  const child = spawn(process.execPath, server.command, { env: { ...process.env, ...server.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${origin}/api/v2/users/1`)).status === 200) return { child, origin, coldStartMs: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const scenarios: Record<string, autocannon.Options['requests']> = {
  getUser: [{ setupRequest: (req) => ({ ...req, path: `/api/v2/users/${1 + Math.floor(Math.random() * rows)}` }) }],
  'listUsers (v2, 20 per page)': [{ path: '/api/v2/users?per_page=20' }],
  createUser: [
    {
      method: 'POST',
      setupRequest: (req) => ({ ...req, path: '/api/v2/users', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${randomUUID()}@bench.example`, name: 'Bench User', password: 'a bench password' }) }),
    },
  ],
  search: [{ setupRequest: (req) => ({ ...req, path: `/api/v2/search?q=user${10_000 + Math.floor(Math.random() * 80_000)}` }) }],
};

async function load(origin: string, requests: autocannon.Options['requests'], extra: Partial<autocannon.Options> = {}) {
  const result = await autocannon({ url: origin, connections, duration: seconds, requests, ...extra });
  const bad = result.non2xx + result.errors;
  // A stray socket error at the end of a run is noise; more than 0.1% means the figure is wrong.
  if (bad > result.requests.total / 1000) throw new Error(`${origin}: ${bad} of ${result.requests.total} requests failed`);
  if (bad > 0) process.stderr.write(`${origin}: ${bad} of ${result.requests.total} requests failed\n`);
  return result;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// Throughput: every scenario on every server, round after round.
const running = await Promise.all(servers.map(async (s) => ({ ...s, ...(await start(s)) })));
const rps: Record<string, Record<string, number[]>> = {};
for (let round = 1; round <= rounds; round++) {
  for (const [scenario, requests] of Object.entries(scenarios)) {
    for (const server of running) {
      const result = await load(server.origin, requests);
      ((rps[scenario] ??= {})[server.name] ??= []).push(result.requests.average);
      process.stderr.write(`round ${round} ${scenario} ${server.name}: ${Math.round(result.requests.average)} req/s\n`);
    }
  }
}

/** autocannon at a fixed overall rate, in a process of its own: p50 and p99 of getUser. */
function fixedRate(origin: string, rate: number): { p50: number; p99: number } {
  const run = spawnSync(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', String(connections), '-d', String(seconds), '-R', String(rate), '--json', `${origin}/api/v2/users/12345`], { encoding: 'utf8' });
  const result = JSON.parse(run.stdout) as { latency: { p50: number; p99: number } };
  return { p50: result.latency.p50, p99: result.latency.p99 };
}

// Latency at a fixed moderate rate: half of what each server sustained on getUser.
const latency: Record<string, { p50: number; p99: number; rate: number }> = {};
for (const server of running.filter((s) => s.name === 'API' || s.name === 'baseline')) {
  const rate = Math.round(median(rps.getUser?.[server.name] ?? [0]) / 2);
  latency[server.name] = { ...fixedRate(server.origin, rate), rate };
}
for (const server of running) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    throw new Error(`${server.name} died during the run (${server.child.exitCode ?? server.child.signalCode}); its figures are not valid`);
  }
}
await Promise.all(running.map((s) => stop(s.child)));

// Cold start: the production start command, spawn → first 200, five times each.
const coldStarts: Record<string, number[]> = {};
for (let i = 0; i < 5; i++) {
  for (const server of servers) {
    const { child, coldStartMs } = await start(server);
    (coldStarts[server.name] ??= []).push(coldStartMs);
    await stop(child);
  }
}

// CSV export of every user, and the peak memory of the process that streamed it.
const api = await start(servers[0] as Server);
const t0 = performance.now();
const res = await fetch(`${api.origin}/api/v2/users`, { headers: { accept: 'text/csv' } });
let lines = 0;
for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) for (const byte of chunk) if (byte === 10) lines++;
const exportSeconds = (performance.now() - t0) / 1000;
const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${api.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
await stop(api.child);

const ratio = (scenario: string, name: string) => median(rps[scenario]?.[name] ?? [0]) / median(rps[scenario]?.baseline ?? [1]);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const report = [
  `SQLite file of ${rows.toLocaleString('en')} users (\`bench/data\`, seeded by the script), \`RATE_LIMITS=off\`, \`LOG_LEVEL=info\`. autocannon, ${connections} connections, ${seconds} s per run, ${rounds} interleaved rounds; the median round counts. Every server answers the same queries with the same JSON.`,
  '',
  `| scenario | ${servers.map((s) => s.name).join(' | ')} |`,
  `|---|${servers.map(() => '---').join('|')}|`,
  ...Object.keys(scenarios).map(
    (scenario) => `| ${scenario} | ${servers.map((s) => `${fmt(median(rps[scenario]?.[s.name] ?? [0]))} req/s (${ratio(scenario, s.name).toFixed(2)}×)`).join(' | ')} |`,
  ),
  `| cold start, spawn → first 200 (median of 5) | ${servers.map((s) => `${fmt(median(coldStarts[s.name] ?? [0]))} ms`).join(' | ')} |`,
  '',
  `Latency of getUser at a fixed rate of half each server's maximum (autocannon \`-R\`): API ${latency.API?.p50.toFixed(2)} ms p50 / ${latency.API?.p99.toFixed(2)} ms p99 at ${fmt(latency.API?.rate ?? 0)} req/s; baseline ${latency.baseline?.p50.toFixed(2)} ms p50 / ${latency.baseline?.p99.toFixed(2)} ms p99 at ${fmt(latency.baseline?.rate ?? 0)} req/s.`,
  '',
  `CSV export of all ${fmt(lines - 1)} users (\`Accept: text/csv\`): ${exportSeconds.toFixed(1)} s, ${fmt((lines - 1) / exportSeconds)} rows/s, peak RSS of the server ${fmt(peakRssMb)} MB.`,
].join('\n');
writeSection('Throughput, latency, cold start, CSV export', 'npm run bench', report);
console.log(report);
