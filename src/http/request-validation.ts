// What the client sent, checked against the spec: the media type of the body (415), then the
// path, query and header parameters and the body by the generated validators (400, 422), then
// If-Match on a write (400). Coercion and the spec's defaults are applied in place.
import type { ErrorObject } from 'ajv';
import type { Request } from 'express';
import { badRequest, unsupportedMediaType } from '../domain/errors.js';
import type { Expected } from '../domain/revisions.js';
import { ifMatch } from './conditional.js';
import { jsonTypes } from './json-body.js';
import type { Match } from './route-table.js';
import { requestValidationError } from './validation-errors.js';

export interface ValidRequest {
  params: { path: Record<string, string>; query: object; header: Request['headers'] };
  /** If-Match of a PATCH or DELETE, read; undefined when not sent or not a write. */
  expected: Expected | undefined;
}

/** Decodes path parameters; a malformed escape is the client's error. */
const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest('The request path is not validly percent-encoded.');
  }
};

const missingBody: ErrorObject = {
  keyword: 'required',
  instancePath: '',
  schemaPath: '#',
  params: { missingProperty: '$' },
  message: 'a JSON body is required',
};

/** 415 for a body the operation takes that is not JSON in UTF-8 (json-body.ts reads only that). */
export function checkMediaType({ route }: Match, req: Request): void {
  const sentBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (route.body && sentBody && !req.is(jsonTypes)) throw unsupportedMediaType();
}

/** Runs the generated validators; 400/422 naming every failing field at once. */
export function validateRequest({ route, values }: Match, req: Request, version: string): ValidRequest {
  const path = Object.fromEntries(route.params.map((name, i) => [name, decode(values[i] as string)]));
  const params = { path, query: { ...(req.query as object) }, header: req.headers };
  const paramErrors = route.validateParams(params) ? [] : (route.validateParams.errors ?? []);
  let bodyErrors: ErrorObject[] = [];
  if (route.body && req.body === undefined && route.body.required) bodyErrors = [missingBody];
  else if (route.validateBody && req.body !== undefined && !route.validateBody(req.body)) bodyErrors = route.validateBody.errors ?? [];
  if (paramErrors.length > 0 || bodyErrors.length > 0) throw requestValidationError(paramErrors, bodyErrors);
  // Only writes are conditional on If-Match; a value that is not a list of entity tags is 400.
  const write = req.method === 'PATCH' || req.method === 'DELETE';
  return { params, expected: write ? ifMatch(req.headers['if-match'], version) : undefined };
}
