// `npm run bench:paging`: latency of a v2 users page at depth 0 and 100,000 of a 1,000,000-row
// table, in cursor and offset mode, against the real server process; writes BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { cursorCodec } from '../../src/versions/cursors.js';
import { listScope } from '../../src/versions/v2/paging.js';
import { largeDb } from './large-db.js';
import { writeSection } from './report.js';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const depth = Number(process.env.BENCH_DEPTH ?? 100_000);
const perPage = 20;
const samples = Number(process.env.BENCH_SAMPLES ?? 300);
const file = `bench/data/users-${rows}.db`;
const secret = 'bench-cursor-secret-0123456789';

mkdirSync('bench/data', { recursive: true });
await largeDb(file, rows);

// The position of the item at `depth`, to build the cursor a client would hold after walking there.
const db = new Database(file, { readonly: true });
const at = db.prepare('SELECT created_at, id FROM users ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?').get(depth - 1) as {
  created_at: string;
  id: number;
};
db.close();
const cursor = cursorCodec(secret).encode(listScope('listUsers', {}), { createdAt: at.created_at, id: at.id });

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${file}`,
    LOG_LEVEL: 'warn',
    CURSOR_SECRET: secret,
    RATE_LIMITS: 'off',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const origin = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    await fetch(`${origin}/api/v2/users?per_page=1`);
    break;
  } catch {
    if (i > 200) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const scenarios = {
  'cursor, page 1': `/api/v2/users?per_page=${perPage}`,
  [`cursor, depth ${depth.toLocaleString('en')}`]: `/api/v2/users?per_page=${perPage}&cursor=${cursor}`,
  'offset, page 1': `/api/v2/users?page=1&per_page=${perPage}`,
  [`offset, depth ${depth.toLocaleString('en')}`]: `/api/v2/users?page=${depth / perPage + 1}&per_page=${perPage}`,
};
const timings = Object.fromEntries(Object.keys(scenarios).map((name) => [name, [] as number[]]));
// Interleaved rounds, so drift of the machine touches every scenario alike.
for (let round = 0; round < samples; round++) {
  for (const [name, path] of Object.entries(scenarios)) {
    const t0 = performance.now();
    const res = await fetch(origin + path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
    timings[name]?.push(performance.now() - t0);
  }
}
server.kill('SIGTERM');

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] as number;
const median = (name: string) => quantile(timings[name] ?? [], 0.5);
const names = Object.keys(scenarios);
const lines = names.map((name) => {
  const xs = timings[name] ?? [];
  return `| ${name} | ${quantile(xs, 0.5).toFixed(2)} | ${quantile(xs, 0.99).toFixed(2)} |`;
});
const cursorRatio = median(names[1] as string) / median(names[0] as string);
const offsetRatio = median(names[3] as string) / median(names[2] as string);
const report = [
  `Users table of ${rows.toLocaleString('en')} rows, \`per_page=${perPage}\`, ${samples} sequential requests per ` +
    `scenario over loopback, interleaved.`,
  '',
  '| scenario | p50 ms | p99 ms |',
  '|---|---|---|',
  ...lines,
  '',
  `Cursor mode at depth ${depth.toLocaleString('en')} costs **${cursorRatio.toFixed(2)}×** page 1 (target ≤ 1.5×); ` +
    `offset mode at the same depth costs **${offsetRatio.toFixed(1)}×** its page 1.`,
];
writeSection('Pagination at depth', 'npm run bench:paging', report.join('\n'));
console.log(report.join('\n'));
