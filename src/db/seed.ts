import type { Knex } from 'knex';

const first = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Radia', 'Tim', 'Frances', 'Dennis'];
const last = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Perlman'];
const topics = ['compilers', 'databases', 'networks', 'history', 'mathematics', 'security', 'testing', 'design', 'hardware'];
const titles = [
  'Why I still write tests first',
  'Notes on structured programming',
  'A short history of the linker',
  'What the query planner told me',
  'Spanning trees and the people who love them',
  'Ten years of on-call, ten lessons',
  'Reading old manuals for fun',
  'Small functions, big programs',
];

/** The password of every demo and sandbox user (README), as in the specs' sign-in example. */
export const demoPassword = 'correct horse battery staple';

/**
 * A few dozen users and posts with tags, the same on every run, so the README's examples work.
 * Every user signs in with `demoPassword`, whose hash the caller makes once for all of them.
 */
export async function seedDemoData(db: Knex, passwordHash: string): Promise<{ users: number; posts: number }> {
  const start = Date.parse('2026-01-05T09:00:00.000Z');
  const at = (hours: number) => new Date(start + hours * 3_600_000).toISOString();
  return db.transaction(async (trx) => {
    const users = Array.from({ length: 36 }, (_, i) => {
      const name = `${first[i % first.length]} ${last[i % last.length]}`;
      return {
        email: `${name.toLowerCase().replace(' ', '.')}${i >= first.length ? i : ''}@example.com`,
        name,
        role: i === 0 ? 'admin' : 'user',
        password_hash: passwordHash,
        created_at: at(i * 24),
        updated_at: at(i * 24),
      };
    });
    const userIds = (await trx('users').insert(users).returning('id')).map((r: { id: number }) => Number(r.id));
    let posts = 0;
    for (const [i, authorId] of userIds.entries()) {
      for (let k = 0; k < (i % 4) + 1; k++) {
        const n = i * 4 + k;
        const [row] = await trx('posts')
          .insert({
            author_id: authorId,
            title: titles[n % titles.length],
            body: `Post ${n + 1} of the demo data: ${topics[n % topics.length]} from the point of view of someone who has shipped it.`,
            created_at: at(i * 24 + k * 5 + 1),
            updated_at: at(i * 24 + k * 5 + 1),
          })
          .returning('id');
        const tags = [topics[n % topics.length], topics[(n + 3) % topics.length]] as string[];
        await trx('post_tags').insert(tags.map((tag, position) => ({ post_id: Number(row.id), position, tag })));
        posts++;
      }
    }
    return { users: userIds.length, posts };
  });
}

export interface ExampleUser {
  id: number;
  email: string;
  name: string;
  role: string;
  created_at: string;
  updated_at: string;
}
export interface ExamplePost {
  id: number;
  title: string;
  body: string;
  tags: string[];
  author: { id: number };
  created_at: string;
  updated_at: string;
}

/** Inserts users and posts as given, ids included, so the data matches the docs they came from. */
export async function seedRecords(db: Knex, users: ExampleUser[], posts: ExamplePost[], passwordHash: string): Promise<void> {
  await db.transaction(async (trx) => {
    for (const { id, email, name, role, created_at, updated_at } of users) {
      await trx('users').insert({ id, email, name, role, password_hash: passwordHash, created_at, updated_at });
    }
    for (const { id, title, body, tags, author, created_at, updated_at } of posts) {
      await trx('posts').insert({ id, author_id: author.id, title, body, created_at, updated_at });
      if (tags.length) await trx('post_tags').insert(tags.map((tag, position) => ({ post_id: id, position, tag })));
    }
  });
}

/** Empties every table, for a sandbox reset. */
/** Whether the database holds any user: a new database is seeded only when it holds none. */
export async function hasUsers(db: Knex): Promise<boolean> {
  return (await db('users').first()) !== undefined;
}

export async function clearAll(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('idempotency_keys').delete();
    await trx('tokens').delete();
    await trx('post_tags').delete();
    await trx('posts').delete();
    await trx('users').delete();
  });
}
