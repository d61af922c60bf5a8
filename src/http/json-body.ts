import { isUtf8 } from 'node:buffer';
import express, { type Request } from 'express';
import { badRequest } from '../domain/errors.js';

export const jsonTypes = ['application/json', 'application/*+json'];
const methodsWithBodies = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Parses JSON bodies of the methods whose operations take one; a body sent with GET or DELETE is
 * never read, so it can neither fail nor cost anything. Bytes that are not UTF-8 are refused:
 * decoding would turn them into U+FFFD and store text the client never sent.
 */
export const jsonBody = (limit: number) =>
  express.json({
    limit,
    type: (req) => methodsWithBodies.has(req.method ?? '') && Boolean((req as Request).is(jsonTypes)),
    verify: (_req, _res, bytes) => {
      if (!isUtf8(bytes)) throw badRequest('The request body is not valid UTF-8.');
    },
  });
