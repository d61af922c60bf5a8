import { describe, expect, it } from 'vitest';
import { useServer, type Member } from '../support/use-server.js';

const api = useServer();
const rows = 260;

interface ListPage {
  data: { id: number }[];
  links: { next: string | null };
}
const getPage = async (url: string) => (await fetch(url)).json() as Promise<ListPage>;

/** Signed-in users, newest first. */
async function arrangeMembers(n: number): Promise<Member[]> {
  const members: Member[] = [];
  for (let i = 0; i < n; i++) members.push(await api.createUser());
  return members.reverse();
}

const arrangeUsers = async (n: number) => (await arrangeMembers(n)).map((m) => m.id);

describe(`walking every page of ${rows} users (GET /api/v2/users)`, () => {
  it('when following links.next in cursor mode while users come and go, then each remaining user is seen once, in order', async () => {
    const members = await arrangeMembers(rows);
    const ids = members.map((m) => m.id);
    const deleted = new Set<number>();
    const seen: number[] = [];
    let url: string | null = `${api.server.origin}/api/v2/users?per_page=17`;
    while (url) {
      const page: ListPage = await getPage(url);
      seen.push(...page.data.map((u) => u.id));
      // Between pages: a newer user arrives, and one not yet seen goes away.
      await api.createUser();
      const unseen = members.find(({ id }) => !seen.includes(id) && !deleted.has(id));
      if (unseen !== undefined && seen.length % 2 === 0) {
        // The user deletes itself, with its own token.
        const res = await api.call('v2', 'deleteUser', { params: { userId: unseen.id }, token: unseen.token });
        expect(res.status).toBe(204);
        deleted.add(unseen.id);
      }
      url = page.links.next;
    }
    expect(deleted.size).toBeGreaterThan(0);
    expect(seen).toEqual(ids.filter((id) => !deleted.has(id)));
  });

  it('when following links.next in offset mode, then every user is seen exactly once, in order', async () => {
    const ids = await arrangeUsers(rows);
    const seen: number[] = [];
    let url: string | null = `${api.server.origin}/api/v2/users?page=1&per_page=23`;
    while (url) {
      const page: ListPage = await getPage(url);
      seen.push(...page.data.map((u) => u.id));
      url = page.links.next;
    }
    expect(seen).toEqual(ids);
  });

  it('when following the v1 Link header, then every user is seen exactly once, in order', async () => {
    const ids = await arrangeUsers(rows);
    const seen: number[] = [];
    let url: string | undefined = `${api.server.origin}/api/v1/users?per_page=50`;
    while (url) {
      const res = await fetch(url);
      seen.push(...((await res.json()) as { id: number }[]).map((u) => u.id));
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    expect(seen).toEqual(ids);
  });
});

describe('walking the posts of one author (GET /api/v2/users/{userId}/posts)', () => {
  it('when posts of the author are added during a cursor walk, then each earlier post is seen once, no other author leaks in', async () => {
    const author = await api.createUser();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push((await api.createPost({ tags: [`t${i % 3}`] }, author)).id);
      if (i % 10 === 0) await api.createPost();
    }
    const seen: number[] = [];
    let url: string | null = `${api.server.origin}/api/v2/users/${author.id}/posts?per_page=7`;
    while (url) {
      const page: ListPage = await getPage(url);
      seen.push(...page.data.map((p) => p.id));
      await api.createPost({}, author);
      url = page.links.next;
    }
    expect(seen).toEqual(ids.reverse());
  });
});
