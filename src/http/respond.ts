// The last step of a versioned request: the answer — a handler's result or an error the central
// error handler rendered — checked against the spec and written out. Headers arrive as data; a
// JSON answer (an error's too, and a 304) goes out in one writeHead and one end; a CSV export is
// streamed the express way.
import { pipeline } from 'node:stream/promises';
import etag from 'etag';
import type { Request, Response } from 'express';
import type { Logger } from '../logger.js';
import { notModified } from './conditional.js';
import type { CsvExport } from './handler-types.js';
import { describeRequest, elapsed, requestLogger } from './request-log.js';
import type { HandlerResult, Validate } from './route-table.js';

export type Headers = Record<string, string>;

export interface ResponderOptions {
  /** Headers every API response carries (helmet's, computed once). */
  securityHeaders: Headers;
  logger: Logger;
  /** `log` reports a response that breaks the spec; `fail` turns it into a 500 (tests); `off` skips the check. */
  validateResponses: 'off' | 'log' | 'fail';
}

/** Headers gathered as data so far, set on the response for a path that writes through express. */
export function setAll(res: Response, headers: Headers) {
  for (const name in headers) res.setHeader(name, headers[name] as string);
  res.setHeader('X-Response-Time', elapsed(res));
}

export function responder({ securityHeaders, logger, validateResponses }: ResponderOptions) {
  // writeHead takes a flat [name, value, …] list; copying this one is far cheaper than spreading an object of twenty headers.
  const securityFlat = Object.entries(securityHeaders).flat();

  /** A result the spec does not declare: logged with the request id, and a 500 in the tests. */
  const checkResponse = (res: Response, validators: Record<string, Validate> | undefined, operationId: string, result: HandlerResult) => {
    const validate = validators?.[`${operationId}_${result.status}`];
    if (!validate || result.body === undefined || validate(result.body)) return;
    requestLogger(res, logger).error({ operationId, status: result.status, errors: validate.errors }, 'response does not match the spec');
    if (validateResponses === 'fail') throw new Error(`${operationId} ${result.status}: response does not match the spec`);
  };

  /**
   * A JSON answer (or none): one writeHead, one end; node sends no body to HEAD or with a 304.
   * Where the operation declares 304, a 200 to a GET has an ETag: the strong one its handler
   * gave (a user, a post), else a weak digest of the JSON (a page of a list); a matching
   * If-None-Match or If-Modified-Since makes it a 304 with the same headers and no body
   * (RFC 9110 §13.2.2, §15.4.5).
   */
  const respond = async (req: Request, res: Response, headers: Headers, result: HandlerResult, conditional = false) => {
    if (result.headers?.Link !== undefined && headers.Link !== undefined) {
      // One Link field: the handler's paging links, then the deprecation links.
      result = { ...result, headers: { ...result.headers, Link: `${result.headers.Link}, ${headers.Link}` } };
      headers = { ...headers };
      delete headers.Link;
    }
    if (result.csv) {
      // The security headers too: a HEAD answer has the headers of the GET answer.
      setAll(res, { ...securityHeaders, ...headers });
      return sendCsv(res, result.status, result.csv, result.headers, requestLogger(res, logger));
    }
    const out = securityFlat.slice();
    for (const name in headers) out.push(name, headers[name] as string);
    for (const name in result.headers) out.push(name, result.headers[name] as string);
    if (result.body === undefined) {
      out.push('X-Response-Time', elapsed(res));
      res.writeHead(result.status, out);
      return void res.end();
    }
    const json = JSON.stringify(result.body);
    const cacheable = conditional && result.status === 200 && (req.method === 'GET' || req.method === 'HEAD');
    if (cacheable) {
      let tag = result.headers?.ETag;
      if (tag === undefined) out.push('ETag', (tag = etag(json, { weak: true })));
      if (notModified(req.headers, tag, result.headers?.['Last-Modified'])) {
        out.push('X-Response-Time', elapsed(res));
        res.writeHead(304, out);
        return void res.end();
      }
    }
    const bytes = Buffer.byteLength(json);
    describeRequest(res, { bytes });
    out.push(
      'Content-Type',
      `${result.contentType ?? 'application/json'}; charset=utf-8`,
      'Content-Length',
      String(bytes),
      'X-Response-Time',
      elapsed(res),
    );
    res.writeHead(result.status, out);
    res.end(json);
  };

  return { checkResponse, respond };
}

/** A CSV export, streamed: it has no ETag (its rows are read as they go out). */
async function sendCsv(res: Response, status: number, csv: CsvExport, headers: Headers | undefined, log: Logger) {
  res.status(status).set(headers ?? {});
  res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename=${csv.filename}` });
  if (res.req.method === 'HEAD') {
    // The headers of the export without reading it: HEAD sends no body.
    csv.stream.destroy();
    return void res.end();
  }
  // Once the first row is out the status cannot change; a failed read cuts the response short.
  await pipeline(csv.stream, res).catch((err: unknown) => {
    log.error({ err }, 'CSV export failed mid-stream');
    res.destroy();
  });
}
