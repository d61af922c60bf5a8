// The requests of each throughput scenario; every request from its own client address (harness.ts).
import { randomUUID } from 'node:crypto';
import { fromManyClients, type Requests } from './harness.js';

export const rows = 1_000_000;

export const getUser: Requests = fromManyClients([
  { setupRequest: (req) => ({ ...req, path: `/api/v2/users/${1 + Math.floor(Math.random() * rows)}` }) },
]);
export const listUsers: Requests = fromManyClients([{ path: '/api/v2/users?per_page=20' }]);
export const createUser: Requests = fromManyClients([
  {
    method: 'POST',
    setupRequest: (req) => ({
      ...req,
      path: '/api/v2/users',
      headers: { ...req.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${randomUUID()}@bench.example`, name: 'Bench User', password: 'a bench password' }),
    }),
  },
]);
export const search: Requests = fromManyClients([
  { setupRequest: (req) => ({ ...req, path: `/api/v2/search?q=user${10_000 + Math.floor(Math.random() * 80_000)}` }) },
]);
