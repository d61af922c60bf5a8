// knex ships no types for its dialect modules; this one is only ever extended (knex.ts).
declare module 'knex/lib/dialects/better-sqlite3/index.js' {
  const Client: unknown;
  export default Client;
}
