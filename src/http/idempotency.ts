import type { Request } from 'express';
import { ApiError } from '../domain/errors.js';
import { canonicalJson, type IdempotencyService, type SavedAnswer } from '../domain/idempotency.js';
import type { Logger } from '../logger.js';

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface IdempotencyStep {
  service: IdempotencyService;
  /** Whose key it is: `user:<id>` when signed in, else the client address. */
  scope: string;
  /** The error shape of a refusal, as the central error handler renders it. */
  render: (err: unknown) => Answer;
  log: Logger;
}

/** What a key is checked against: the method, the versioned path and the body, keys sorted. */
const fingerprintOf = (req: Request) => `${req.method} ${req.path}\n${canonicalJson(req.body ?? null)}`;

/**
 * The Idempotency-Key step (Stripe's semantics), after validation and before the handler, for a
 * POST that sends the header: a request refused before this step (401, 400/422, 429, 415…) saved
 * nothing. The first request with a key runs; its answer — a success, or a refusal of the domain
 * such as 409 EMAIL_TAKEN — is saved and replayed to every retry of the same request within 24 h,
 * with `Idempotent-Replayed: true`. A fault of ours (5xx, a thrown bug) releases the key, so a
 * retry runs again. The replay's own X-Request-ID, timing and rate-limit headers are its own:
 * only the handler's headers (Location, WWW-Authenticate…) are saved.
 */
export async function idempotent(req: Request, step: IdempotencyStep, run: () => Promise<Answer>): Promise<Answer> {
  const { service, scope, render, log } = step;
  const begun = await service.begin(scope, req.headers['idempotency-key'] as string, fingerprintOf(req));
  if (begun.replay) return { ...begun.replay, headers: { ...begun.replay.headers, 'Idempotent-Replayed': 'true' } };
  const { claim } = begun;
  // The answer is out either way: a failure to save or release is logged, and the claim's lock expires.
  const save = (answer: SavedAnswer) =>
    service.complete(claim, answer).catch((err: unknown) => log.warn({ err }, 'idempotency: saving the answer failed'));
  const release = () => service.release(claim).catch((err: unknown) => log.warn({ err }, 'idempotency: releasing the key failed'));
  let result: Answer;
  try {
    result = await run();
  } catch (err) {
    if (err instanceof ApiError && err.status < 500) {
      const answer = render(err);
      await save({ status: answer.status, headers: answer.headers ?? {}, body: answer.body });
    } else await release();
    throw err;
  }
  if (result.status >= 500) await release();
  else await save({ status: result.status, headers: result.headers ?? {}, body: result.body });
  return result;
}
