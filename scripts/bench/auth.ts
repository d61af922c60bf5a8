// `npm run bench:auth`: what accounts cost, against the production server process at the
// default password cost: sign-up and sign-in latency (right password, wrong password, unknown
// email — the last two must not be told apart by time), and a read with a bearer token against
// the same read without one. Writes BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { writeSection } from './report.js';

const samples = Number(process.env.BENCH_SAMPLES ?? 30);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const file = 'bench/data/auth.db';
mkdirSync('bench/data', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const origin = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['dist/src/server.bundle.mjs'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${file}`,
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'off',
    SEED_DEMO_DATA: 'false',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (;;) {
  try {
    if ((await fetch(`${origin}/health`)).ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 20));
}

const post = async (path: string, body: unknown) => {
  const t0 = performance.now();
  const res = await fetch(`${origin}/api/v2${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { token?: string; id?: number };
  return { status: res.status, ms: performance.now() - t0, json };
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] as number;

const password = 'correct horse battery staple';
const signUps: number[] = [];
for (let i = 0; i < samples; i++) {
  const res = await post('/users', { email: `bench${i}@example.com`, name: `Bench ${i}`, password });
  if (res.status !== 201) throw new Error(`sign-up answered ${res.status}`);
  signUps.push(res.ms);
}
// Interleaved, so drift touches the three cases alike.
const signIns: Record<string, number[]> = { 'right password': [], 'wrong password': [], 'unknown email': [] };
let token = '';
for (let i = 0; i < samples; i++) {
  const right = await post('/tokens', { email: `bench${i}@example.com`, password });
  if (right.status !== 201) throw new Error(`sign-in answered ${right.status}`);
  token = right.json.token as string;
  signIns['right password']?.push(right.ms);
  const wrong = await post('/tokens', { email: `bench${i}@example.com`, password: 'not the password at all' });
  const unknown = await post('/tokens', { email: `nobody${i}@example.com`, password });
  if (wrong.status !== 401 || unknown.status !== 401) throw new Error('a wrong sign-in was not refused');
  signIns['wrong password']?.push(wrong.ms);
  signIns['unknown email']?.push(unknown.ms);
}

// Throughput of one read, anonymous and with a token (a SHA-256 and an indexed lookup more).
const reads: Record<string, number[]> = { anonymous: [], 'with a bearer token': [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, headers] of [
    ['anonymous', {}],
    ['with a bearer token', { authorization: `Bearer ${token}` }],
  ] as const) {
    const result = await autocannon({ url: `${origin}/api/v2/users/1`, connections: 10, duration: seconds, headers });
    if (result.non2xx + result.errors > 0) throw new Error(`${name}: ${result.non2xx + result.errors} requests failed`);
    reads[name]?.push(result.requests.average);
  }
}
server.kill('SIGTERM');

const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (n: number) => n.toFixed(0);
const body = [
  `The production server (\`node dist/src/server.bundle.mjs\`) on a fresh SQLite file, default ` +
    `\`PASSWORD_HASH_COST\` (scrypt N = 2^17, r = 8, p = 1), \`RATE_LIMITS=off\`. ${samples} sequential requests ` +
    `per case, the sign-in cases interleaved; reads by autocannon, 10 connections, ${seconds} s, ${rounds} ` +
    `interleaved rounds, median round.`,
  '',
  '| request | p50 | p90 |',
  '|---|---|---|',
  `| sign-up (\`createUser\`, one hash) | ${ms(median(signUps))} ms | ${ms(quantile(signUps, 0.9))} ms |`,
  ...Object.entries(signIns).map(([name, xs]) => `| sign-in, ${name} | ${ms(median(xs))} ms | ${ms(quantile(xs, 0.9))} ms |`),
  '',
  '| `GET /api/v2/users/1` | req/s |',
  '|---|---|',
  ...Object.entries(reads).map(([name, xs]) => `| ${name} | ${Math.round(median(xs)).toLocaleString('en')} |`),
  '',
  `A wrong password and an unknown email differ by ` +
    `${ms(Math.abs(median(signIns['wrong password'] ?? []) - median(signIns['unknown email'] ?? [])))} ms at the ` +
    `median: the unknown email is checked against a decoy hash of the same cost. A token costs ` +
    `${(100 * (1 - median(reads['with a bearer token'] ?? []) / median(reads.anonymous ?? []))).toFixed(0)}% of ` +
    `read throughput.`,
].join('\n');
writeSection('Accounts: password hashing and tokens', 'npm run bench:auth', body);
console.log(body);
