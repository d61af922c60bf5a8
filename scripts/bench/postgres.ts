// The PostgreSQL part of `npm run bench`: the API started with DATABASE_URL=postgres://… (rate
// limits on, and off) against a bare Express + pg baseline and conventional Express on the same
// database, head-to-head; cold start. Writes its section of BENCHMARKS.md.
import {
  assertAlive,
  coldStarts,
  connections,
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
import { largePg } from './large-pg.js';
import { writeSection } from './report.js';
import { getUser, listUsers, rows, search } from './scenarios.js';

export const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_users';

export async function benchPostgres(): Promise<void> {
  await largePg(postgresUrl, rows);
  const loadAtStart = loadAverage();
  // No scenario writes, so the seeded database stays as stated for the next run.
  const api = { DATABASE_URL: postgresUrl, SEED_DEMO_DATA: 'false', PASSWORD_HASH_COST: '10', TRUST_PROXY: 'loopback', REDIS_URL: '' };
  const reference = { BASELINE_DATABASE: postgresUrl, PASSWORD_HASH_COST: '10' };
  const servers: Server[] = [
    { name: 'API, limits on', command: ['dist/src/server.bundle.mjs'], env: { ...api, RATE_LIMITS: 'on' } },
    { name: 'API, limits off', command: ['dist/src/server.bundle.mjs'], env: { ...api, RATE_LIMITS: 'off' } },
    { name: 'baseline (pg)', command: ['bench/baseline/server.mjs'], env: reference },
    { name: 'conventional Express (pg)', command: ['bench/baseline/conventional.mjs'], env: reference },
  ];
  const scenarios: Record<string, Requests> = { getUser, 'listUsers (v2, 20 per page)': listUsers, search };

  const running = [];
  for (const s of servers) running.push(await start(s));
  const baseline = running.find((s) => s.name === 'baseline (pg)')!;
  const contenders = running.filter((s) => s !== baseline);
  const h2h: Record<string, Record<string, HeadToHead>> = {};
  for (const [scenario, requests] of Object.entries(scenarios)) {
    for (const x of contenders) (h2h[scenario] ??= {})[x.name] = await headToHead(baseline, x, requests, `postgres ${scenario}`);
  }
  assertAlive(running);
  await Promise.all(running.map((s) => stop(s.child)));
  const cold = await coldStarts(servers.filter((s) => s.name !== 'API, limits off'));

  const loadAtEnd = loadAverage();
  const report = [
    `PostgreSQL database \`${new URL(postgresUrl).pathname.slice(1)}\` on the machine's shared server ` +
      `(\`BENCH_POSTGRES_URL\` overrides), schema by the app's own migrations, the same ${rows.toLocaleString('en')} ` +
      `users as the SQLite file (kept between runs when it holds them); search through the tsvector table of the ` +
      `migrations. The API with \`DATABASE_URL=postgres://…\` and its default pool of 10; the baseline is bare ` +
      `Express + pg (a pool of 10, the same queries and JSON as the SQLite baseline, the API's search query); ` +
      `conventional Express adds helmet, a request id and pino-http. \`LOG_LEVEL=info\`, rate limits as in the ` +
      `SQLite section (many client addresses through \`TRUST_PROXY=loopback\`). autocannon, ${connections} ` +
      `connections, ${seconds} s per run.`,
    '',
    `**Head-to-head**: ${plural(rounds, 'run')} of each server alternating with ${plural(rounds + 1, 'run')} of ` +
      `the baseline (after a ${warmUpSeconds} s warm-up of each), each run divided by the mean of the baseline runs ` +
      `either side; median ratio in bold, lowest–highest in brackets, then median req/s.`,
    '',
    headToHeadTable(
      h2h,
      contenders.map((s) => s.name),
    ),
    '',
    `**Cold start**, spawn → first 200, median of 5: ${Object.entries(cold)
      .map(([n, ms]) => `${n} ${fmt(median(ms))} ms`)
      .join(', ')}.`,
    '',
    `Load average of the machine (1 min, two cores shared with other work): ${loadAtStart} before the runs, ` +
      `${loadAtEnd} at the end, of which the benchmark's own processes are about 2.`,
  ].join('\n');
  writeSection('PostgreSQL: throughput, cold start', 'npm run bench -- --only postgres', report);
  console.log(report);
}
