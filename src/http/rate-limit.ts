import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { createRequire } from 'node:module';
import type { RateLimiterAbstract, RateLimiterRedis as RedisLimiter } from 'rate-limiter-flexible';
// The two stores and the result type only: the package's index loads every store it has (MongoDB,
// MySQL, DynamoDB, …), which a server that starts in under 300 ms cannot afford.
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import RateLimiterRes from 'rate-limiter-flexible/lib/RateLimiterRes.js';
import { rateLimitExceeded, serviceUnavailable } from '../domain/errors.js';
import { readableDuration } from './durations.js';
import type { Logger } from '../logger.js';

/** One window of a policy, as `npm run generate` reads it from `x-rate-limit`. */
export interface RateWindow {
  name: string;
  limit: number;
  windowSeconds: number;
  /** As written in the spec, such as `5 per minute`. */
  text: string;
}

/** The limits of one spec: a budget shared by all operations, and extra budgets per operation. */
export interface RateLimits {
  default: RateWindow[];
  operations: Record<string, RateWindow[]>;
}

export interface RateLimiterOptions {
  /** Shared counters for many processes; in-process counters when absent. */
  redis?: Redis;
  /** What a request gets when the store cannot be reached: served unlimited, or 503. */
  failMode: 'open' | 'closed';
  /** Prefix of every Redis key, so several deployments can share one Redis. */
  keyPrefix: string;
  logger: Logger;
  /** How often a store fault is logged while it lasts. */
  faultLogIntervalMs?: number;
}

export const clientAddress = (req: Request) => `ip:${req.ip ?? 'unknown'}`;

// Loaded only where REDIS_URL is set.
const require = createRequire(import.meta.url);
const redisLimiter = () => require('rate-limiter-flexible/lib/RateLimiterRedis.js') as typeof RedisLimiter;

const refused = (value: unknown): value is RateLimiterRes => value instanceof RateLimiterRes;

/**
 * Counts each request against every window that applies to its operation, in memory or
 * atomically in Redis (rate-limiter-flexible runs one script per window), sets the
 * draft-ietf-httpapi-ratelimit-headers-08 fields, and refuses with 429 when a window is used up.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterOf = ({ name, limit, windowSeconds }: RateWindow) => {
    let limiter = limiters.get(name);
    if (!limiter) {
      const base = { points: limit, duration: windowSeconds, keyPrefix: `${options.keyPrefix}${name}` };
      limiter = options.redis
        ? new (redisLimiter())({ ...base, storeClient: options.redis, rejectIfRedisNotReady: true })
        : new RateLimiterMemory(base);
      limiters.set(name, limiter);
    }
    return limiter;
  };

  // A route's windows never change, so its RateLimit-Policy is written once.
  const policies = new WeakMap<RateWindow[], string>();
  const policyOf = (windows: RateWindow[]) => {
    let policy = policies.get(windows);
    if (policy === undefined)
      policies.set(windows, (policy = windows.map((w) => `"${w.name}";q=${w.limit};w=${w.windowSeconds}`).join(', ')));
    return policy;
  };

  let lastFaultLog = 0;
  const fault = (err: unknown) => {
    const now = Date.now();
    if (now - lastFaultLog < (options.faultLogIntervalMs ?? 30_000)) return;
    lastFaultLog = now;
    options.logger.error({ err, failMode: options.failMode }, 'rate-limit store unreachable');
  };

  /**
   * Counts one request of `key` (whom it counts against) against the windows of its operation,
   * and returns the headers to answer with; a used-up window throws the 429, headers included.
   */
  return async function limit(windows: RateWindow[], key: string): Promise<Record<string, string> | undefined> {
    if (windows.length === 0) return undefined;
    let results: RateLimiterRes[];
    try {
      results = await Promise.all(
        windows.map((w) =>
          limiterOf(w)
            .consume(key)
            .catch((r: unknown) => (refused(r) ? r : Promise.reject(r))),
        ),
      );
    } catch (err) {
      fault(err);
      if (options.failMode === 'closed') throw serviceUnavailable();
      return undefined;
    }
    const resetSeconds = (r: RateLimiterRes) => Math.max(1, Math.ceil(r.msBeforeNext / 1000));
    const headers: Record<string, string> = {
      'RateLimit-Policy': policyOf(windows),
      RateLimit: windows
        .map((w, i) => {
          const result = results[i] as RateLimiterRes;
          return `"${w.name}";r=${Math.max(0, w.limit - result.consumedPoints)};t=${resetSeconds(result)}`;
        })
        .join(', '),
    };

    const exhausted = windows.flatMap((w, i) =>
      (results[i] as RateLimiterRes).consumedPoints > w.limit ? [{ w, r: results[i] as RateLimiterRes }] : [],
    );
    if (exhausted.length === 0) return headers;
    // Several windows may be used up; the client must wait for the one that frees up last.
    const { w, r } = exhausted.reduce((a, b) => (resetSeconds(b.r) > resetSeconds(a.r) ? b : a));
    const retryAfter = resetSeconds(r);
    throw rateLimitExceeded(
      `Too many requests: the limit of ${w.text} is used up; ` +
        `try again in ${readableDuration(retryAfter)}. See /api/docs#section/Rate-limits.`,
      { ...headers, 'Retry-After': String(retryAfter) },
      retryAfter,
    );
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
