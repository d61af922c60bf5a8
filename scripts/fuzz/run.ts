// One fuzzing run: for each version, every operation's properties with a share of the request
// budget, each seeded from the run's seed and its own name, failures shrunk by fast-check.
import fc from 'fast-check';
import { chains, pagingWalks } from './chains.js';
import { FuzzFailure } from './checks.js';
import { curlOf } from './http.js';
import { auth, negative, positive, type Property } from './properties.js';
import { isVersioned, model, versions as allVersions, type Version } from './spec-model.js';
import { World, type Kind } from './world.js';

export interface FuzzOptions {
  baseUrl: string;
  seed: number;
  /** Generated requests per version, at least (setup and shrinking come on top). */
  requests: number;
  versions?: Version[];
  /** Only these operations (and chains that start at them). */
  operations?: string[];
  /** Called with each line of progress (failures as they are found). */
  log?: (line: string) => void;
}

export interface FoundFailure {
  version: Version;
  operationId: string;
  kind: Kind;
  checks: string[];
  message: string;
  curl: string;
  /** The shrunk input, as fast-check printed it. */
  counterexample: string;
  /** fast-check's seed and path for this property, to replay it exactly. */
  propertySeed: number;
  path: string;
}

export interface VersionReport {
  version: Version;
  sent: number;
  byKind: Record<string, number>;
  byOperation: Record<string, number>;
  failures: FoundFailure[];
  seconds: number;
}

export interface FuzzReport {
  seed: number;
  versions: VersionReport[];
  failures: FoundFailure[];
}

/** A 32-bit seed for one property, from the run's seed and the property's name. */
function seedOf(seed: number, name: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h | 0;
}

/** Shares of a version's budget by kind. */
const SHARES: Record<Exclude<Kind, 'setup'>, number> = { positive: 0.4, negative: 0.35, auth: 0.1, chain: 0.15 };
/** The probes and docs live outside the versions and cost little to cover: a few runs each. */
const PROBE_RUNS = 5;

async function check(
  world: World,
  p: Property,
  numRuns: number,
  seed: number,
  log: (line: string) => void,
): Promise<FoundFailure | undefined> {
  // Not the number of runs: a replay with --operation runs more of the same sequence.
  const propertySeed = seedOf(seed, `${world.version}:${p.kind}:${p.operationId}`);
  await world.heal(true);
  const details = await fc.check(p.property, { seed: propertySeed, numRuns });
  if (!details.failed) return undefined;
  const error = details.errorInstance;
  const failure: FoundFailure =
    error instanceof FuzzFailure
      ? {
          version: world.version,
          operationId: error.operationId,
          kind: p.kind,
          checks: [...new Set(error.failures.map((f) => f.check))],
          message: error.message,
          curl: curlOf(error.exchange.request),
          counterexample: fc.stringify(details.counterexample),
          propertySeed,
          path: details.counterexamplePath ?? '',
        }
      : {
          version: world.version,
          operationId: p.operationId,
          kind: p.kind,
          checks: ['the fuzzer ran'],
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
          curl: '',
          counterexample: fc.stringify(details.counterexample),
          propertySeed,
          path: details.counterexamplePath ?? '',
        };
  log(formatFailure(failure, seed));
  return failure;
}

export function formatFailure(f: FoundFailure, seed: number): string {
  return [
    `FAIL ${f.version} ${f.operationId} (${f.kind}): ${f.checks.join(', ')}`,
    ...f.message.split('\n').map((l) => `  ${l}`),
    `  shrunk input: ${f.counterexample}`,
    `  reproduce: npm run fuzz -- --seed ${seed} --version ${f.version} --operation ${f.operationId}`,
    ...(f.curl ? [`  ${f.curl}`] : []),
  ].join('\n');
}

export async function fuzzVersion(options: FuzzOptions, version: Version): Promise<VersionReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const world = new World(options.baseUrl.replace(/\/$/, ''), version, options.seed);
  const wanted = (id: string) => !options.operations || options.operations.includes(id);
  const ops = model[version].filter((o) => wanted(o.operationId));
  const versioned = ops.filter(isVersioned);
  const probes = ops.filter((o) => !isVersioned(o));
  const failures: FoundFailure[] = [];
  const runAll = async (properties: Property[], share: number, round: number) => {
    const cost = properties.reduce((sum, p) => sum + p.cost, 0);
    for (const p of properties) {
      const numRuns = Math.max(1, Math.ceil((options.requests * share) / cost));
      // Another round explores other inputs: its seed differs.
      const found = await check(world, p, numRuns, options.seed + round, log);
      if (found) failures.push(found);
    }
  };
  for (const p of probes.flatMap((o) => [positive(world, o), negative(world, o)].filter((x): x is Property => x !== undefined))) {
    const found = await check(world, p, PROBE_RUNS, options.seed, log);
    if (found) failures.push(found);
  }
  await runAll(
    versioned.map((o) => positive(world, o)),
    SHARES.positive,
    0,
  );
  await runAll(
    versioned.flatMap((o) => negative(world, o) ?? []),
    SHARES.negative,
    0,
  );
  await runAll(
    versioned.flatMap((o) => auth(world, o) ?? []),
    SHARES.auth,
    0,
  );
  await runAll(
    [...chains(world), ...pagingWalks(world)].filter((c) => wanted(c.operationId)),
    SHARES.chain,
    0,
  );
  // Top up with positive data until the budget is spent.
  for (let round = 1; world.sent < options.requests && versioned.length > 0; round++) {
    await runAll(
      versioned.map((o) => positive(world, o)),
      (options.requests - world.sent) / options.requests,
      round,
    );
  }
  const byKind: Record<string, number> = {};
  const byOperation: Record<string, number> = {};
  for (const [operationId, counts] of world.counts) {
    for (const [kind, n] of counts) {
      byKind[kind] = (byKind[kind] ?? 0) + n;
      if (kind !== 'setup') byOperation[operationId] = (byOperation[operationId] ?? 0) + n;
    }
  }
  return { version, sent: world.sent, byKind, byOperation, failures, seconds: (Date.now() - started) / 1000 };
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const reports: VersionReport[] = [];
  for (const version of options.versions ?? allVersions) reports.push(await fuzzVersion(options, version));
  return { seed: options.seed, versions: reports, failures: reports.flatMap((r) => r.failures) };
}
