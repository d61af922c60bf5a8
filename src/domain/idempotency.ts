import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { IdempotencyRecord, IdempotencyRepository } from '../db/idempotency-repository.js';
import { idempotencyKeyInUse, idempotencyKeyReused } from './errors.js';

/** An answer as it is saved and replayed: status, the headers that matter, the body. */
export interface SavedAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface IdempotencySettings {
  /** How long a key is kept and replays (Stripe: 24 h). */
  ttlMs: number;
  /** How long an in-flight claim holds; past it, a crashed process's claim may be taken over. */
  lockMs: number;
  /** How long a request that finds its key in flight waits for the answer before 409. */
  waitMs: number;
  /** How often it looks while it waits. */
  pollMs: number;
}

export const defaultIdempotencySettings: IdempotencySettings = { ttlMs: 24 * 3600_000, lockMs: 60_000, waitMs: 2_000, pollMs: 50 };

/** The claim of a request that runs: it completes or releases it. */
export interface Claim {
  scope: string;
  keyHash: string;
  owner: string;
  /** The AES-256-GCM key of the saved answer, derived from the Idempotency-Key (which is never stored). */
  secret: Buffer;
}

export type Begun = { claim: Claim; replay?: undefined } | { claim?: undefined; replay: SavedAnswer };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted, so two bodies that mean the same have one fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The saved answer is encrypted (AES-256-GCM) under a key derived (HKDF-SHA-256) from the
 * Idempotency-Key, which only the client holds: a copy of the database replays nothing, and a
 * bearer token in createToken's answer is not kept in the clear. The scope and key hash are
 * the associated data, so a saved answer cannot be moved to another row.
 */
const secretOf = (key: string, scope: string) => Buffer.from(hkdfSync('sha256', key, scope, 'idempotency-answer-v1', 32));

function seal(answer: SavedAnswer, claim: Claim): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', claim.secret, iv).setAAD(Buffer.from(`${claim.scope}\n${claim.keyHash}`));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

function open(response: string, secret: Buffer, record: IdempotencyRecord): SavedAnswer {
  const bytes = Buffer.from(response, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, 12)).setAAD(Buffer.from(`${record.scope}\n${record.keyHash}`));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as SavedAnswer;
}

/**
 * Idempotent retries, Stripe's semantics: the first request with a key claims it and runs; its
 * answer is saved and replayed to the same request with the same key for 24 hours. Another
 * request under the key is IDEMPOTENCY_KEY_REUSED; one that finds the key in flight waits up to
 * `waitMs` for the answer and replays it (so concurrent retries all get the one answer), and is
 * IDEMPOTENCY_KEY_IN_USE only if it is still in flight then.
 */
export function idempotencyService(
  repo: IdempotencyRepository,
  now: () => string,
  settings: IdempotencySettings = defaultIdempotencySettings,
) {
  const later = (from: string, ms: number) => new Date(Date.parse(from) + ms).toISOString();

  return {
    /** Claims the key for this request, or the saved answer to replay; throws 422 or 409 as above. */
    async begin(scope: string, key: string, fingerprint: string): Promise<Begun> {
      const keyHash = sha256(key);
      const requestHash = sha256(fingerprint);
      const secret = secretOf(key, scope);
      const deadline = Date.now() + settings.waitMs;
      for (;;) {
        const at = now();
        const record = {
          scope,
          keyHash,
          requestHash,
          owner: randomUUID(),
          createdAt: at,
          lockedUntil: later(at, settings.lockMs),
          expiresAt: later(at, settings.ttlMs),
        };
        const claimed = { claim: { scope, keyHash, owner: record.owner, secret } };
        if (await repo.claim(record)) return claimed;
        // Absent when it was released or swept in between: look again after the pause.
        const found = await repo.find(scope, keyHash);
        if (found && (found.expiresAt <= at || (found.status === null && found.lockedUntil <= at))) {
          // Expired, or the claim of a process that crashed: one of the requests takes it over.
          if (await repo.takeOver(record, at)) return claimed;
        } else if (found) {
          if (found.requestHash !== requestHash) throw idempotencyKeyReused();
          if (found.status !== null && found.response !== null) return { replay: open(found.response, secret, found) };
        }
        // In flight (or just taken over by another request): wait for its answer, up to waitMs.
        if (Date.now() >= deadline) throw idempotencyKeyInUse();
        await delay(settings.pollMs);
      }
    },

    /** Saves the claim's answer for replays; false if the claim was lost (taken over past its lock). */
    complete: (claim: Claim, answer: SavedAnswer) =>
      repo.complete(claim.scope, claim.keyHash, claim.owner, answer.status, seal(answer, claim)),

    /** Gives the key up, so a retry runs again (a fault of ours, or a crash of the handler). */
    release: (claim: Claim) => repo.release(claim.scope, claim.keyHash, claim.owner),

    /** Deletes the keys past their 24 hours; resolves to how many. */
    sweep: () => repo.deleteExpired(now()),
  };
}

export type IdempotencyService = ReturnType<typeof idempotencyService>;

/**
 * Sweeps the expired keys now and then every `everyMs` on an unref'd timer (it never keeps the
 * process alive); returns the function that stops it. An expired key also answers nothing
 * before it is swept: the next request with it takes the row over.
 */
export function sweepPeriodically(service: IdempotencyService, everyMs: number, onError: (err: unknown) => void): () => void {
  const sweep = () => void service.sweep().catch(onError);
  sweep();
  const timer = setInterval(sweep, everyMs).unref();
  return () => clearInterval(timer);
}
