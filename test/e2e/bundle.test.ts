import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { client } from '../support/contract-client.js';
import { bundledServer, startServerProcess } from '../support/processes.js';

const root = new URL('../../', import.meta.url).pathname;
const built = existsSync(join(root, bundledServer[0] as string));
const dir = mkdtempSync(join(tmpdir(), 'bundle-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!built) console.warn('NOTICE: dist/src/server.bundle.mjs is not built (npm run build), so the production-start test is skipped.');

describe('the production start (npm start: the bundle of npm run build)', () => {
  it('when CI runs, then it is not skipped', () => {
    if (process.env.CI) expect(built, 'CI builds before it tests (see .ci/run)').toBe(true);
  });

  it.skipIf(!built)(
    'when started on a new SQLite file with limits on, then it migrates, seeds, serves reads and writes, and stops cleanly',
    async () => {
      const server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dir, 'app.db')}`, PASSWORD_HASH_COST: '10' }, bundledServer);
      const api = client(server.origin);
      const users = await api.call('v2', 'listUsers');
      expect(users.status).toBe(200);
      expect(users.headers.get('ratelimit')).toContain('r=');
      const created = await api.call('v2', 'createUser', {
        body: { email: 'bundled@example.com', name: 'Bundled User', password: 'a password long enough' },
      });
      expect(created.status).toBe(201);
      expect((await api.call('v1', 'getUser', { params: { userId: created.body.id } })).body.name).toBe('Bundled User');
      expect(await server.stop()).toBe(0);
    },
  );
});
