import { describe, expect, it } from 'vitest';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('the probes, as %s declares them', (version) => {
  it('GET /health (getHealth): when the process is up, then 200 ok', async () => {
    const res = await api.call(version, 'getHealth');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('ratelimit')).toBeNull();
  });

  it('GET /ready (getReadiness): when the database answers and no Redis is configured, then 200 ready', async () => {
    const res = await api.call(version, 'getReadiness');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'not configured' } });
  });
});
