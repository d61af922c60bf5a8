// Deep imports whose packages ship no types for them.

// knex's dialect, only ever extended (db/knex.ts).
declare module 'knex/lib/dialects/better-sqlite3/index.js' {
  const Client: unknown;
  export default Client;
}

// rate-limiter-flexible's stores one by one (its index loads all of them); types from the package.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import { RateLimiterMemory } from 'rate-limiter-flexible';
  export default RateLimiterMemory;
}
declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  import { RateLimiterRes } from 'rate-limiter-flexible';
  export default RateLimiterRes;
}
