import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isUnavailable } from '../../src/db/errors.js';
import { sqliteSql } from '../../src/db/sql.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('database errors that mean the store is unavailable (503)', () => {
  it.each([
    ['SQLITE_BUSY', 'a locked SQLite file'],
    ['SQLITE_FULL', 'a full disk under SQLite'],
    ['53100', 'a full disk under PostgreSQL (disk_full)'],
    ['57P01', 'PostgreSQL shutting down'],
    ['ECONNREFUSED', 'no server listening'],
  ])('when the code is %s (%s), then it is unavailable', (code) => {
    expect(isUnavailable(withCode(code))).toBe(true);
  });

  it.each([['SQLITE_CONSTRAINT_UNIQUE'], ['23505'], ['SQLITE_ERROR'], ['42P01']])('when the code is %s, then it is not', (code) => {
    expect(isUnavailable(withCode(code))).toBe(false);
  });
});

describe('sqliteSql one() on a write with RETURNING', () => {
  it('when the commit of the write fails, then one() throws and nothing is answered as stored', async () => {
    // A deferred foreign key is checked at the commit, as a full disk fails there: better-sqlite3's
    // get() would hand back the row and drop the commit's error.
    const conn = new Database(':memory:');
    conn.pragma('foreign_keys = ON');
    conn.exec(
      'CREATE TABLE a (id INTEGER PRIMARY KEY); ' +
        'CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id) DEFERRABLE INITIALLY DEFERRED)',
    );
    const sql = sqliteSql(conn);
    await expect(sql.one('INSERT INTO b (a_id) VALUES (?) RETURNING id', [42])).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    });
    expect(await sql.one('SELECT count(*) AS n FROM b')).toEqual({ n: 0 });
    await sql.run('INSERT INTO a (id) VALUES (?)', [42]);
    expect(await sql.one('INSERT INTO b (a_id) VALUES (?) RETURNING id', [42])).toEqual({ id: 1 });
    conn.close();
  });
});
