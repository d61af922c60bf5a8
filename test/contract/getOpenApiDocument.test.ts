import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { versions } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();

describe.each(versions)('GET /api/%s/openapi.json (getOpenApiDocument)', (version) => {
  it.each([
    ['createUser', '/users', 'post', '5 per minute for this operation; 200 per day, 50 per hour shared by all operations'],
    ['createToken', '/tokens', 'post', '5 per minute for this operation; 200 per day, 50 per hour shared by all operations'],
    ['deleteToken', '/tokens/current', 'delete', '200 per day, 50 per hour shared by all operations'],
  ])('then 200 with the spec as written in openapi/, %s describing its rate limits', async (_, path, method, limits) => {
    const res = await api.call(version, 'getOpenApiDocument');
    expect(res.status).toBe(200);
    const written = parse(readFileSync(new URL(`../../openapi/${version}.yaml`, import.meta.url), 'utf8'));
    const { description, ...served } = res.body.paths[path][method];
    const { description: writtenDescription, ...writtenOperation } = written.paths[path][method];
    expect(served).toEqual(writtenOperation);
    expect(description).toBe(`${writtenDescription}\n\n**Rate limits:** ${limits}.`);
    expect(res.body.components).toEqual(written.components);
    expect(Object.keys(res.body.paths)).toEqual(Object.keys(written.paths));
  });

  it('when an undeclared query parameter is sent, then 400 BAD_REQUEST', async () => {
    const res = await api.call(version, 'getOpenApiDocument', { query: 'format=yaml' });
    expect(res.status).toBe(400);
  });
});
