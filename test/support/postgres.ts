import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../src/db/knex.js';
import { freePort } from './processes.js';

const bin = '/usr/lib/postgresql/15/bin';
export const privatePostgresAvailable = spawnSync(join(bin, 'initdb'), ['--version']).status === 0;

/** PostgreSQL refuses to run as root: as root, run its tools as the postgres user. */
function asPostgres(args: string[]) {
  const root = process.getuid?.() === 0;
  const [cmd, ...rest] = root ? ['runuser', '-u', 'postgres', '--', ...args] : args;
  execFileSync(cmd as string, rest, { stdio: 'pipe' });
}

/**
 * A private PostgreSQL cluster in a temp folder on a spare port, so a test can stop and start
 * it without touching the machine's shared server.
 */
export async function startPrivatePostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'pg-private-'));
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
    chownSync(dir, id('-u'), id('-g'));
  }
  const port = await freePort();
  asPostgres([join(bin, 'initdb'), '-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const ctl = (action: 'start' | 'stop') =>
    asPostgres(
      action === 'start'
        ? [
            join(bin, 'pg_ctl'),
            '-D',
            dir,
            '-w',
            '-l',
            join(dir, 'log'),
            '-o',
            `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
            'start',
          ]
        : [join(bin, 'pg_ctl'), '-D', dir, '-w', '-m', 'fast', 'stop'],
    );
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl('start'),
    stop: () => ctl('stop'),
    destroy() {
      try {
        ctl('stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database for the server processes of one test: a SQLite file in `dir`, or a schema of its own
 * on the shared PostgreSQL (`postgresUrl`), which `drop` removes.
 */
export async function processDatabase(engine: 'sqlite' | 'postgres', dir: string, prefix: string, postgresUrl = '') {
  if (engine === 'sqlite') return { databaseUrl: `sqlite:${join(dir, 'app.db')}`, drop: async () => {} };
  const schema = `${prefix}_${randomUUID().replace(/-/g, '')}`;
  const run = async (sql: string) => {
    const admin = createDb(postgresUrl);
    await admin.raw(sql);
    await admin.destroy();
  };
  await run(`CREATE SCHEMA ${schema}`);
  return {
    databaseUrl: `${postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}
