import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { versions, type Version } from '../support/spec.js';
import { useServer } from '../support/use-server.js';

const api = useServer();
const csv = { headers: { accept: 'text/csv' } };
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: false });

const hostile = [
  ['a formula', '=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
  ['a plus', '+1+2 cmd', `'+1+2 cmd`],
  ['a minus', '-2+3 sum', `'-2+3 sum`],
  ['an at sign', '@SUM(A1:A9)', `'@SUM(A1:A9)`],
  ['a leading tab', '\tTabbed Name', `'\tTabbed Name`],
  ['a leading carriage return', '\rReturned Name', `'\rReturned Name`],
  ['commas and quotes', 'Smith, "Bob"', 'Smith, "Bob"'],
  ['a newline', 'Line one\nLine two', 'Line one\nLine two'],
  ['unicode', 'Zoë Ñandú 東京', 'Zoë Ñandú 東京'],
] as const;

describe.each(versions)('text/csv exports of %s', (version: Version) => {
  it('when listUsers is asked for CSV, then every user (not one page) with a header row, as an attachment', async () => {
    for (let i = 0; i < 25; i++) await api.createUser();
    const res = await api.call(version, 'listUsers', { ...csv, query: { per_page: 5 } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=users.csv');
    expect(res.headers.get('vary')).toContain('Accept');
    expect(res.text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(['id', 'email', 'name', 'role', 'created_at', 'updated_at']);
    expect(rows).toHaveLength(25);
  });

  it.each(hostile)('when a user name has %s, then the cell round-trips, neutralised against formulas', async (_, name, cell) => {
    const user = await api.createUser({ name });
    const res = await api.call(version, 'listUsers', csv);
    const [, row] = parseCsv(res.text);
    expect(row).toEqual([String(user.id), user.email, cell, 'user', expect.any(String), expect.any(String)]);
  });

  it('when listPosts is asked for CSV with a tag filter, then only matching posts, tags as a JSON array cell', async () => {
    const post = await api.createPost({ title: '=cmd|" /C calc"!A0', body: 'Body, with "quotes"\r\nand lines', tags: ['a,b', 'x'] });
    await api.createPost({ tags: ['other'] });
    const res = await api.call(version, 'listPosts', { ...csv, query: { tag: 'x' } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=posts.csv');
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(['id', 'title', 'body', 'tags', 'author_id', 'author_name', 'author_email', 'created_at', 'updated_at']);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 5)).toEqual([
      String(post.id),
      `'=cmd|" /C calc"!A0`,
      'Body, with "quotes"\r\nand lines',
      '["a,b","x"]',
      String(post.author.id),
    ]);
  });

  it("when listUserPosts is asked for CSV, then only that author's posts", async () => {
    const post = await api.createPost();
    await api.createPost();
    const res = await api.call(version, 'listUserPosts', { ...csv, params: { userId: post.author.id } });
    const [, ...rows] = parseCsv(res.text);
    expect(rows.map((r) => r[0])).toEqual([String(post.id)]);
  });

  it('when listUserPosts is asked for CSV of a missing user, then 404 USER_NOT_FOUND in JSON', async () => {
    const res = await api.call(version, 'listUserPosts', { ...csv, params: { userId: 999 } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('USER_NOT_FOUND');
  });

  it('when a list is empty, then the CSV is the header row alone', async () => {
    const res = await api.call(version, 'listPosts', csv);
    expect(parseCsv(res.text)).toHaveLength(1);
  });

  it('when there are more rows than one read batch, then the export streams them all in order', async () => {
    await api.server.db.batchInsert(
      'users',
      Array.from({ length: 2_345 }, (_, i) => ({
        email: `bulk${i}@example.com`,
        name: `Bulk ${i}`,
        role: 'user',
        created_at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        updated_at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      })),
      500,
    );
    const res = await api.call(version, 'listUsers', csv);
    const [, ...rows] = parseCsv(res.text);
    expect(rows).toHaveLength(2_345);
    expect(rows[0]?.[2]).toBe('Bulk 2344');
    expect(rows.at(-1)?.[2]).toBe('Bulk 0');
  });
});

describe.each(versions)('content negotiation on GET /api/%s/users (listUsers)', (version: Version) => {
  it.each([
    ['no Accept', undefined, 'application/json'],
    ['*/*', '*/*', 'application/json'],
    ['a browser', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/json'],
    ['JSON preferred by weight', 'text/csv;q=0.5, application/json', 'application/json'],
    ['CSV preferred by weight', 'application/json;q=0.1, text/csv', 'text/csv'],
    ['text/*', 'text/*', 'text/csv'],
    ['CSV with a charset', 'text/csv; charset=utf-8', 'text/csv'],
    ['JSON with a charset', 'application/json; charset=UTF-8', 'application/json'],
  ])('when the client sends %s, then %s', async (_, accept, expected) => {
    await api.createUser();
    const res = await api.call(version, 'listUsers', { headers: accept ? { accept } : {} });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')?.split(';')[0]).toBe(expected);
    expect(res.headers.get('vary')).toContain('Accept');
  });

  it.each([['application/xml'], ['text/html'], ['application/json;q=0, text/csv;q=0'], ['text/csv; charset=latin1']])(
    'when the client accepts only %s, then 406 NOT_ACCEPTABLE in JSON naming what it can send',
    async (accept) => {
      const res = await api.call(version, 'listUsers', { headers: { accept } });
      expect(res.status).toBe(406);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body.error).toMatchObject({
        code: 'NOT_ACCEPTABLE',
        message: 'This operation can answer with application/json, text/csv.',
      });
    },
  );
});
