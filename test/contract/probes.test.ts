import { describe, expect, it } from 'vitest';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe('the probes, as openapi/service.yaml declares them', () => {
  it('GET /health (getHealth): when the process is up, then 200 ok', async () => {
    const res = await api.call('service', 'getHealth');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('ratelimit')).toBeNull();
  });

  it('GET /ready (getReadiness): when the database answers and no Redis is configured, then 200 ready', async () => {
    const res = await api.call('service', 'getReadiness');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'not configured' } });
  });
});
