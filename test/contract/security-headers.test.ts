import { describe, expect, it } from 'vitest';
import { useServer } from '../support/use-server.js';

const allowed = 'https://app.example.com';
const api = useServer({ corsOrigins: [allowed, 'http://localhost:5173'] });

describe('security headers on every answer', () => {
  it.each([
    ['a JSON read', '/api/v1/users'],
    ['an error', '/api/v2/users/abc'],
    ['a path the API does not have', '/nowhere'],
    ['a probe', '/health'],
  ])("on %s, then helmet's headers, a CSP that loads nothing, and no X-Powered-By", async (_, path) => {
    const res = await fetch(`${api.server.origin}${path}`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('on the docs page, then its own policy lets Redoc run from this server only', async () => {
    const res = await fetch(`${api.server.origin}/api/docs`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("worker-src 'self' blob:");
  });
});

describe('CORS with CORS_ORIGINS', () => {
  it("when an allowed origin reads, then it may read the body and the API's headers", async () => {
    const res = await fetch(`${api.server.origin}/api/v1/users`, { headers: { origin: allowed } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
    expect(res.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('when an allowed origin sends a preflight for a write with a token, then 204 allowing it', async () => {
    const res = await fetch(`${api.server.origin}/api/v2/posts/1`, {
      method: 'OPTIONS',
      headers: {
        origin: allowed,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each([
    ['another origin', 'https://evil.example.net'],
    ['an allowed origin on another port', 'https://app.example.com:8443'],
    ['the allowed host over http', 'http://app.example.com'],
    ['null', 'null'],
  ])('when %s asks, then no CORS headers, and its preflight is 405 METHOD_NOT_ALLOWED', async (_, origin) => {
    const read = await fetch(`${api.server.origin}/api/v1/users`, { headers: { origin } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('vary')).toContain('Origin');
    const preflight = await fetch(`${api.server.origin}/api/v1/users`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await preflight.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('CORS without CORS_ORIGINS', () => {
  const closed = useServer();
  it('when any origin asks, then no CORS headers at all', async () => {
    const res = await fetch(`${closed.server.origin}/api/v1/users`, { headers: { origin: allowed } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
