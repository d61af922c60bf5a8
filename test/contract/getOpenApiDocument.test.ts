import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('GET /api/%s/openapi.json (getOpenApiDocument)', (version) => {
  it('then 200 with the spec as written in openapi/', async () => {
    const res = await api.call(version, 'getOpenApiDocument');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(parse(readFileSync(new URL(`../../openapi/${version}.yaml`, import.meta.url), 'utf8')));
  });

  it('when an undeclared query parameter is sent, then 400 BAD_REQUEST', async () => {
    const res = await api.call(version, 'getOpenApiDocument', { query: 'format=yaml' });
    expect(res.status).toBe(400);
  });
});
