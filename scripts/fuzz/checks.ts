// The checks on every response, and those of each kind of request. A check returns what failed;
// the property that sent the request throws them, so fast-check shrinks the request.
import { specViolations } from '../../test/support/response-check.js';
import { curlOf, type Exchange } from './http.js';
import type { Json, Operation } from './spec-model.js';

export interface Failure {
  check: string;
  message: string;
}

const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What every response must be: no 5xx, and everything the spec declares for its status. */
export function responseFailures(op: Operation, { response, requestId }: Exchange): Failure[] {
  const failures: Failure[] = [];
  if (response.status >= 500) failures.push({ check: 'not a 5xx', message: `${response.status}: ${response.text.slice(0, 300)}` });
  for (const v of specViolations(op.version, op.operationId, response)) failures.push(v);
  // A well-formed incoming id is echoed; any other is replaced by a new UUID.
  const got = response.headers.get('x-request-id');
  const echoed = WELL_FORMED_ID.test(requestId);
  if (echoed ? got !== requestId : !UUID.test(got ?? '')) {
    failures.push({
      check: 'request id echoed',
      message: `sent ${JSON.stringify(requestId)}, got ${JSON.stringify(got)}${echoed ? '' : ' (expected a new UUID)'}`,
    });
  }
  const errorId = (response.body as Json)?.error?.request_id;
  if (response.status >= 400 && errorId !== undefined && errorId !== got)
    failures.push({ check: 'request id echoed', message: `error.request_id is ${errorId}, the header ${got}` });
  return failures;
}

const REFUSALS = new Set(['BAD_REQUEST', 'VALIDATION_ERROR', 'INVALID_CURSOR']);
const codeOf = (exchange: Exchange): string | undefined => (exchange.response.body as Json)?.error?.code;

/** Positive data: the spec allows the request, so it is not refused as invalid (nor its good token). */
export function positiveFailures(exchange: Exchange, withToken: boolean): Failure[] {
  const { status } = exchange.response;
  const code = codeOf(exchange);
  if ((status === 400 || status === 422) && code && REFUSALS.has(code))
    return [{ check: 'positive data accepted', message: `refused with ${status} ${code}: ${exchange.response.text.slice(0, 300)}` }];
  if (withToken && status === 401)
    return [{ check: 'positive data accepted', message: `a working token was refused: ${exchange.response.text.slice(0, 300)}` }];
  return [];
}

/** Negative data: refused with the documented 4xx, in the error shape, naming the field (where there is one). */
export function negativeFailures(exchange: Exchange, expected: { status: number; code: string; field: string }): Failure[] {
  const { status, body } = exchange.response;
  const code = codeOf(exchange);
  const fail = (message: string) => [
    { check: 'negative data refused', message: `${message}; got ${status} ${exchange.response.text.slice(0, 300)}` },
  ];
  if (status !== expected.status) return fail(`expected ${expected.status} ${expected.code}`);
  if (code !== expected.code) return fail(`expected code ${expected.code}`);
  if (expected.field === '') return [];
  const fields = Object.keys((body as Json)?.error?.details ?? {});
  const named = fields.some((f) => f === expected.field || f.startsWith(`${expected.field}.`));
  if (!named) return fail(`the error does not name ${expected.field} (details: ${fields.join(', ') || 'none'})`);
  return [];
}

/** An auth probe: refused with 401 (no token, a forged one) or 403 (another user's). */
export function authFailures(exchange: Exchange, expected: number[]): Failure[] {
  const { status } = exchange.response;
  if (expected.includes(status)) return [];
  return [{ check: 'auth refused', message: `expected ${expected.join(' or ')}, got ${status}: ${exchange.response.text.slice(0, 300)}` }];
}

/** What a property throws: the failures of one request, with the request as curl. */
export class FuzzFailure extends Error {
  constructor(
    readonly operationId: string,
    readonly failures: Failure[],
    readonly exchange: Exchange,
  ) {
    super(failures.map((f) => `${f.check}: ${f.message}`).join('\n'));
    this.name = 'FuzzFailure';
  }

  get curl(): string {
    return curlOf(this.exchange.request);
  }
}

/** Throws when any check failed. */
export function verdict(op: Operation, exchange: Exchange, extra: Failure[] = []): void {
  const failures = [...responseFailures(op, exchange), ...extra];
  if (failures.length > 0) throw new FuzzFailure(op.operationId, failures, exchange);
}
