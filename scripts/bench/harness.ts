// What every throughput benchmark shares: servers as real processes on loopback, autocannon runs,
// the two ways of comparing (head-to-head against the baseline, and the crowded interleaved
// loop), latency at a fixed rate, cold start.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export const seconds = Number(process.env.BENCH_SECONDS ?? 5);
export const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
export const connections = 10;
/** Seconds of load a server gets before its measured runs of a scenario, not counted. */
export const warmUpSeconds = Math.min(1, seconds);

export interface Server {
  name: string;
  command: string[];
  env: Record<string, string>;
}
export interface Running extends Server {
  child: ChildProcess;
  origin: string;
  coldStartMs: number;
}
export type Requests = NonNullable<autocannon.Options['requests']>;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Spawns a server and resolves at its first 200 on `probePath`, with the milliseconds that took. */
export async function start(server: Server, probePath = '/api/v2/users/1'): Promise<Running> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, server.command, {
    env: { ...process.env, LOG_LEVEL: 'info', ...server.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${server.name} exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(`${origin}${probePath}`)).status === 200) return { ...server, child, origin, coldStartMs: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Throws when a server died: the figures taken while it ran are not valid. */
export function assertAlive(servers: Running[]): void {
  for (const s of servers) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) {
      throw new Error(`${s.name} died during the run (${s.child.exitCode ?? s.child.signalCode}); its figures are not valid`);
    }
  }
}

/** One autocannon run; fails when more than 0.1% of the requests failed (a 429 counts as failed). */
export async function load(server: Running, requests: Requests, extra: Partial<autocannon.Options> = {}) {
  const result = await autocannon({ url: server.origin, connections, duration: seconds, requests, ...extra });
  const bad = result.non2xx + result.errors;
  if (bad > result.requests.total / 1000)
    throw new Error(`${server.name}: ${bad} of ${result.requests.total} requests failed (${JSON.stringify(result.statusCodeStats)})`);
  if (bad > 0) process.stderr.write(`${server.name}: ${bad} of ${result.requests.total} requests failed\n`);
  return result;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return (s.length % 2 ? s[mid] : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2) ?? 0;
};
export const fmt = (n: number) => Math.round(n).toLocaleString('en');

export interface HeadToHead {
  /** X's req/s in each of its runs. */
  rps: number[];
  /** The baseline's req/s in each of its runs, one more than X's. */
  baselineRps: number[];
  /** Each X run over the mean of the baseline runs either side of it. */
  ratios: number[];
}

/**
 * Head-to-head: B, X, B, X, …, B with `rounds` runs of X, each divided by the mean of the two
 * baseline runs around it, so both servers see the same machine at nearly the same time and
 * neither idles longer than the other between its turns. Both get a warm-up first.
 */
export async function headToHead(baseline: Running, x: Running, requests: Requests, label: string): Promise<HeadToHead> {
  await load(baseline, requests, { duration: warmUpSeconds });
  await load(x, requests, { duration: warmUpSeconds });
  const baselineRps = [(await load(baseline, requests)).requests.average];
  const rps: number[] = [];
  for (let i = 0; i < rounds; i++) {
    rps.push((await load(x, requests)).requests.average);
    baselineRps.push((await load(baseline, requests)).requests.average);
  }
  const ratios = rps.map((r, i) => r / (((baselineRps[i] ?? 0) + (baselineRps[i + 1] ?? 0)) / 2));
  process.stderr.write(
    `head-to-head ${label} ${x.name}: ${rps.map(fmt).join(', ')} req/s; baseline ` +
      `${baselineRps.map(fmt).join(', ')}; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}\n`,
  );
  return { rps, baselineRps, ratios };
}

/** The crowded loop: every server in turn, scenario after scenario, round after round; req/s per run. */
export async function crowded(servers: Running[], scenarios: Record<string, Requests>): Promise<Record<string, Record<string, number[]>>> {
  const rps: Record<string, Record<string, number[]>> = {};
  for (let round = 1; round <= rounds; round++) {
    for (const [scenario, requests] of Object.entries(scenarios)) {
      for (const server of servers) {
        const result = await load(server, requests);
        ((rps[scenario] ??= {})[server.name] ??= []).push(result.requests.average);
        process.stderr.write(`crowded round ${round} ${scenario} ${server.name}: ${fmt(result.requests.average)} req/s\n`);
      }
    }
  }
  return rps;
}

/** p50 and p99 at a fixed overall rate (autocannon's overallRate, as `-R`). */
export async function fixedRate(server: Running, requests: Requests, rate: number): Promise<{ p50: number; p99: number; rate: number }> {
  const result = await load(server, requests, { overallRate: rate });
  return { p50: result.latency.p50, p99: result.latency.p99, rate };
}

/** Spawn → first 200, `times` times each, the servers interleaved; milliseconds per server. */
export async function coldStarts(servers: Server[], times = 5): Promise<Record<string, number[]>> {
  const ms: Record<string, number[]> = {};
  for (let i = 0; i < times; i++) {
    for (const server of servers) {
      const { child, coldStartMs } = await start(server);
      (ms[server.name] ??= []).push(coldStartMs);
      await stop(child);
    }
  }
  return ms;
}

/**
 * Every request of a scenario from a different X-Forwarded-For address, cycling through 65,536
 * of them (10.0.0.0/16), so the API behind `TRUST_PROXY=loopback` counts each against a client's
 * own budget (200 a day, 50 an hour, 5 sign-ups a minute) and none is used up while the limiter
 * still does its full work. Servers that do not trust proxies ignore the header.
 */
let nextAddress = 0;
export function fromManyClients(requests: Requests): Requests {
  return requests.map((r) => ({
    ...r,
    setupRequest: (req: autocannon.Request, context: object) => {
      if (typeof r.setupRequest === 'string') throw new Error('setupRequest as a file path is not supported here');
      const set = r.setupRequest ? r.setupRequest(req, context) : req;
      const n = nextAddress++ % 65_536;
      return { ...set, headers: { ...set.headers, 'x-forwarded-for': `10.0.${n >> 8}.${n & 255}` } };
    },
  }));
}

const range = (xs: number[]) => (xs.length > 1 ? ` (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` : '');

/** Markdown: per scenario the baseline's req/s, then each contender's median ratio (range) and req/s. */
export function headToHeadTable(results: Record<string, Record<string, HeadToHead>>, contenders: string[]): string {
  return [
    `| scenario | baseline | ${contenders.join(' | ')} |`,
    `|---|---|${contenders.map(() => '---').join('|')}|`,
    ...Object.entries(results).map(([scenario, byName]) => {
      const baseline = median(Object.values(byName).flatMap((h) => h.baselineRps));
      const cells = contenders.map((name) => {
        const h = byName[name];
        return h ? `**${median(h.ratios).toFixed(2)}×**${range(h.ratios)}, ${fmt(median(h.rps))} req/s` : '—';
      });
      return `| ${scenario} | ${fmt(baseline)} req/s | ${cells.join(' | ')} |`;
    }),
  ].join('\n');
}

/** Markdown: the crowded loop's median req/s per server, and its ratio to the baseline's median. */
export function crowdedTable(rps: Record<string, Record<string, number[]>>, names: string[]): string {
  return [
    `| scenario | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---').join('|')}|`,
    ...Object.entries(rps).map(([scenario, byName]) => {
      const baseline = median(byName.baseline ?? [1]);
      const cells = names.map((n) => `${fmt(median(byName[n] ?? [0]))} req/s (${(median(byName[n] ?? [0]) / baseline).toFixed(2)}×)`);
      return `| ${scenario} | ${cells.join(' | ')} |`;
    }),
  ].join('\n');
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The machine's 1-minute load average: other work shares the two cores, and this says how much. */
export const loadAverage = () => loadavg()[0]?.toFixed(1) ?? '?';
