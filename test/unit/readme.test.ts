// What the README shows a new user must be what the server does: its bad-request example is the
// real answer's details, its deployment recipe does not seed demo users into production, and its
// layout names only files and folders that exist.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('when it shows a bad request, then the details are those the server answers', async () => {
    const example = /\$ curl -s -X POST localhost:3000(\S+) -H 'content-type: application\/json' -d '([^']+)'\n(\{[\s\S]*?)\n```/.exec(
      readme,
    );
    expect(example, 'the bad-request example').not.toBeNull();
    const [, path, body, answer] = example as unknown as [string, string, string, string];
    const shown = JSON.parse(answer.replace(/\n\s*/g, '').replace('0b7c…', 'x')) as {
      error: { code: string; details: Record<string, string[]> };
    };
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const real = (await res.json()) as typeof shown;
      expect(real.error.code).toBe(shown.error.code);
      expect(real.error.details).toEqual(shown.error.details);
    } finally {
      await server.close();
    }
  });

  it('when it shows the deployment past one machine, then the recipe turns demo data off', () => {
    const section = readme.slice(readme.indexOf('## Past one machine'));
    const recipe = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(recipe).toContain('npm start');
    expect(recipe).toMatch(/\bSEED_DEMO_DATA=false\b/);
  });

  it('when it shows the layout (How it is built), then every file and folder it names exists', () => {
    const section = readme.slice(readme.indexOf('## How it is built'));
    const layout = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const named: string[] = [];
    const parents: string[] = [];
    for (const line of layout.split('\n')) {
      // `  name, sibling   what it is`; a line indented further continues the one above.
      const entry = /^( {0,8})(\S+(?:, \S+)*)(?: {2,}|$)/.exec(line);
      if (!entry) continue;
      const [, indent = '', names = ''] = entry;
      const depth = indent.length / 2;
      parents.length = depth;
      const [first = '', ...siblings] = names.split(', ');
      const path = `${parents.join('')}${first}`;
      const dir = path.slice(0, path.replace(/\/$/, '').lastIndexOf('/') + 1);
      named.push(path, ...siblings.map((s) => `${dir}${s}`));
      if (first.endsWith('/')) parents[depth] = first;
    }
    expect(named).toContain('src/versions/v2/');
    expect(named.filter((path) => !existsSync(new URL(`../../${path}`, import.meta.url)))).toEqual([]);
  });
});
