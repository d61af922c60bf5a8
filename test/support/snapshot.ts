import type { Db } from '../../src/db/knex.js';

/** Every row the API keeps, in a fixed order: equal snapshots before and after prove a refused request changed nothing. */
export async function snapshotData(db: Db) {
  return {
    users: await db('users').orderBy('id').select('id', 'email', 'name', 'role', 'password_hash', 'updated_at'),
    posts: await db('posts').orderBy('id').select(),
    tags: await db('post_tags').orderBy(['post_id', 'position']).select(),
    tokens: await db('tokens').orderBy('id').select('id', 'user_id', 'expires_at'),
  };
}
