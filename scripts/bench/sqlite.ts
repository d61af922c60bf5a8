// The SQLite part of `npm run bench`: the API (rate limits on, and off) against the bare Express +
// better-sqlite3 baseline, conventional Express and two peers (openapi-backend and
// express-openapi-validator at run time), head-to-head and in the crowded loop; latency at half
// the maximum rate, cold start, CSV export. Writes its section of BENCHMARKS.md.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  assertAlive,
  coldStarts,
  connections,
  crowded,
  crowdedTable,
  fixedRate,
  fmt,
  headToHead,
  headToHeadTable,
  median,
  rounds,
  seconds,
  start,
  stop,
  type HeadToHead,
  type Requests,
  type Server,
  loadAverage,
  plural,
  warmUpSeconds,
} from './harness.js';
import { largeDb } from './large-db.js';
import { writeSection } from './report.js';
import { createUser, getUser, listUsers, rows, search } from './scenarios.js';

export async function benchSqlite(): Promise<void> {
  const loadAtStart = loadAverage();
  const pristine = `bench/data/users-${rows}.db`;
  mkdirSync('bench/data', { recursive: true });
  await largeDb(pristine, rows);
  // Writes go to a copy, so the seeded file stays as stated for the next run.
  const file = 'bench/data/run.db';
  // A stale -wal or -shm beside a fresh copy would corrupt it.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(pristine, file);

  // The lowest password cost for the API and every reference alike (handlers.mjs hashes as the API
  // does), so createUser compares the stacks with the same hash; `npm run bench:auth` measures
  // sign-up at the production cost. Both API runs trust the loopback proxy, so the only difference
  // between them is the limiter (see fromManyClients).
  const api = { DATABASE_URL: `sqlite:${file}`, SEED_DEMO_DATA: 'false', PASSWORD_HASH_COST: '10', TRUST_PROXY: 'loopback', REDIS_URL: '' };
  const reference = { BASELINE_DATABASE: file, PASSWORD_HASH_COST: '10' };
  const servers: Server[] = [
    { name: 'API, limits on', command: ['dist/src/server.bundle.mjs'], env: { ...api, RATE_LIMITS: 'on' } },
    { name: 'API, limits off', command: ['dist/src/server.bundle.mjs'], env: { ...api, RATE_LIMITS: 'off' } },
    { name: 'baseline', command: ['bench/baseline/server.mjs'], env: reference },
    { name: 'conventional Express', command: ['bench/baseline/conventional.mjs'], env: reference },
    { name: 'openapi-backend', command: ['bench/peers/openapi-backend.mjs'], env: reference },
    { name: 'express-openapi-validator', command: ['bench/peers/express-openapi-validator.mjs'], env: reference },
  ];
  const scenarios: Record<string, Requests> = { getUser, 'listUsers (v2, 20 per page)': listUsers, createUser, search };

  const running = [];
  for (const s of servers) running.push(await start(s));
  const baseline = running.find((s) => s.name === 'baseline')!;
  const contenders = running.filter((s) => s !== baseline);

  const h2h: Record<string, Record<string, HeadToHead>> = {};
  for (const [scenario, requests] of Object.entries(scenarios)) {
    for (const x of contenders) (h2h[scenario] ??= {})[x.name] = await headToHead(baseline, x, requests, scenario);
  }
  const crowd = await crowded(running, scenarios);

  // Latency at a fixed moderate rate: half of what each server sustained head-to-head.
  const latency: string[] = [];
  for (const [scenario, requests] of [
    ['getUser', getUser],
    ['listUsers (v2, 20 per page)', listUsers],
  ] as const) {
    for (const server of running.filter((s) => s.name.startsWith('API') || s === baseline)) {
      const byName = h2h[scenario] ?? {};
      const max =
        server === baseline ? median(Object.values(byName).flatMap((h) => h.baselineRps)) : median(byName[server.name]?.rps ?? [0]);
      const { p50, p99, rate } = await fixedRate(server, requests, Math.round(max / 2));
      latency.push(`| ${scenario} | ${server.name} | ${fmt(rate)} req/s | ${p50.toFixed(2)} ms | ${p99.toFixed(2)} ms |`);
    }
  }
  assertAlive(running);
  await Promise.all(running.map((s) => stop(s.child)));

  // Cold start: the production start command, spawn → first 200, five times each.
  const cold = await coldStarts(servers);

  // CSV export of every user, and the peak memory of the process that streamed it.
  const exporter = await start(servers[0] as Server);
  const t0 = performance.now();
  const res = await fetch(`${exporter.origin}/api/v2/users`, { headers: { accept: 'text/csv' } });
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) for (const byte of chunk) if (byte === 10) lines++;
  const exportSeconds = (performance.now() - t0) / 1000;
  const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${exporter.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  await stop(exporter.child);

  const names = servers.map((s) => s.name);
  const loadAtEnd = loadAverage();
  const report = [
    `SQLite file of ${rows.toLocaleString('en')} users (\`bench/data\`, seeded by the script), \`LOG_LEVEL=info\`, ` +
      `\`PASSWORD_HASH_COST=10\` for the API and every reference (all hash the sign-up password with the same scrypt ` +
      `parameters). autocannon, ${connections} connections, ${seconds} s per run. Every server answers the same ` +
      `queries with the same JSON.`,
    '',
    `**Rate limits.** "API, limits on" is the product default (\`RATE_LIMITS=on\`, in-process counters, 200 a day ` +
      `and 50 an hour per client, 5 sign-ups a minute). The benchmark is one address, which would use up its budget ` +
      `after 50 requests, and the limit key cannot be chosen from outside but through the client address; so both ` +
      `API servers run with \`TRUST_PROXY=loopback\` and every request carries an \`X-Forwarded-For\` from a pool of ` +
      `65,536 addresses, used in turn: the limiter counts and answers every request and never refuses one. "API, ` +
      `limits off" is \`RATE_LIMITS=off\`, otherwise the same. The references ignore the header.`,
    '',
    `**Head-to-head** (the figure to read): for each server and scenario, ${plural(rounds, 'run')} of it ` +
      `alternating with ${plural(rounds + 1, 'run')} of the baseline (B, X, B, …, B, after a ${warmUpSeconds} s ` +
      `warm-up of each); each run of X is divided by the mean of the two baseline runs either side. Median ratio in ` +
      `bold, lowest–highest in brackets, then X's median req/s; the baseline column is the median of all its runs in ` +
      `that scenario.`,
    '',
    headToHeadTable(
      h2h,
      contenders.map((s) => s.name),
    ),
    '',
    `**Crowded loop** (the earlier method, kept for comparison): all six servers in one loop, scenario after ` +
      `scenario, ${plural(rounds, 'round')}; median round, ratio to the baseline's median. A server waits for five ` +
      `others between its turns, which biases against whichever is measured between others.`,
    '',
    crowdedTable(crowd, names),
    '',
    `**Latency at half the maximum rate** (autocannon \`overallRate\`, ${seconds} s; the maximum is the server's ` +
      `median head-to-head req/s in that scenario):`,
    '',
    '| scenario | server | rate | p50 | p99 |',
    '|---|---|---|---|---|',
    ...latency,
    '',
    `**Cold start**, spawn → first 200 of \`GET /api/v2/users/1\`, median of 5 (servers interleaved): ` +
      `${names.map((n) => `${n} ${fmt(median(cold[n] ?? [0]))} ms`).join(', ')}.`,
    '',
    `**CSV export** of all ${fmt(lines - 1)} users (\`Accept: text/csv\`, API with limits on): ` +
      `${exportSeconds.toFixed(1)} s, ${fmt((lines - 1) / exportSeconds)} rows/s, peak RSS of the server ` +
      `${fmt(peakRssMb)} MB.`,
    '',
    `Load average of the machine (1 min, two cores shared with other work): ${loadAtStart} before the runs, ` +
      `${loadAtEnd} at the end, of which the benchmark's own processes are about 2.`,
  ].join('\n');
  writeSection('SQLite: throughput, latency, cold start, CSV export', 'npm run bench -- --only sqlite', report);
  console.log(report);
}
