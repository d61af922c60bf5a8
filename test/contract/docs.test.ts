import { describe, expect, it } from 'vitest';
import { documents } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe('the reference docs, as openapi/service.yaml declares them', () => {
  it.each([['1'], ['2']])(
    'GET /api/docs?version=%s (getApiDocs): then a Redoc page for that version with a switch to the other',
    async (shown) => {
      const res = await api.call('service', 'getApiDocs', { query: { version: shown } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`<redoc spec-url="/api/v${shown}/openapi.json">`);
      expect(res.text).toContain('<script src="/api/docs/redoc.standalone.js">');
      expect(res.text).toContain(`href="/api/docs?version=${shown === '1' ? '2' : '1'}"`);
      expect(res.text).not.toMatch(/https?:\/\//);
    },
  );

  it('GET /api/docs without a version: then version 2', async () => {
    const res = await api.call('service', 'getApiDocs');
    expect(res.text).toContain('<redoc spec-url="/api/v2/openapi.json">');
  });

  it('GET /api/docs?version=3: then 400 BAD_REQUEST naming version', async () => {
    const res = await api.call('service', 'getApiDocs', { query: { version: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', details: { version: ['must be one of 1, 2'] } });
  });

  it('GET /api/docs/redoc.standalone.js (getRedocScript): then the installed Redoc bundle', async () => {
    const res = await api.call('service', 'getRedocScript');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/javascript');
    expect(res.text.length).toBeGreaterThan(500_000);
    expect(res.text).toContain('Redoc');
  });

  it('GET /openapi.json (getServiceDocument): then the service document, whose top-level server is the root', async () => {
    const res = await api.call('service', 'getServiceDocument');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(documents.service);
    expect(res.body.servers.map((s: { url: string }) => s.url)).toEqual(['/']);
    expect(res.headers.get('ratelimit')).toBeNull();
  });

  it.each([['v1'], ['v2']] as const)(
    'when a tool reads only the top-level servers of the %s document, then none of its paths needs a server of its own',
    (version) => {
      const items = Object.values(documents[version].paths) as { servers?: unknown }[];
      expect(items.filter((item) => item.servers !== undefined)).toEqual([]);
      expect(documents[version].servers.map((s: { url: string }) => s.url)).toEqual([`/api/${version}`]);
    },
  );
});
