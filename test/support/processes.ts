import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';

const root = new URL('../../', import.meta.url).pathname;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface ServerProcess extends SpawnedServer {
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** The production start, `npm start`: the bundle `npm run build` writes. */
export const bundledServer = ['dist/src/server.bundle.mjs'];

/** A server process as spawned, before it listens (or when it never does). */
export interface SpawnedServer {
  port: number;
  origin: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
}

/**
 * Spawns src/server.ts as its own process, the way `npm start` runs the build of it, without
 * waiting for it to listen: for tests of start-up faults.
 */
export async function spawnServer(env: Record<string, string>, command = ['--import', 'tsx', 'src/server.ts']): Promise<SpawnedServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, command, {
    cwd: root,
    // No Redis unless a test asks, a fresh key prefix, so runs never share counters, and no drain
    // period on SIGTERM unless a test is about it.
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      REDIS_URL: '',
      RATE_LIMIT_KEY_PREFIX: `test-${randomUUID()}:`,
      SHUTDOWN_DRAIN_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { port, origin: `http://127.0.0.1:${port}`, child, exited, output: () => output };
}

/** Starts src/server.ts as its own process (or, with `command`, the built bundle) and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, command?: string[]): Promise<ServerProcess> {
  const spawned = await spawnServer(env, command);
  const { child, output } = spawned;
  await new Promise<void>((resolve, reject) => {
    const check = () => (output().includes('"listening"') ? resolve() : setTimeout(check, 50));
    child.once('exit', () => reject(new Error(`server exited early:\n${output()}`)));
    check();
  });
  return {
    ...spawned,
    stop: () => {
      child.kill('SIGTERM');
      return spawned.exited;
    },
  };
}

/** A private redis-server on a spare port, so a test can stop it without touching the machine's Redis. */
export async function startPrivateRedis(port?: number): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const chosen = port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`redis-server exited:\n${output}`)));
    const check = () => (output.includes('Ready to accept connections') ? resolve() : setTimeout(check, 20));
    check();
  });
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
