import { isUtf8 } from 'node:buffer';
import express, { type Request, type RequestHandler } from 'express';
import { badRequest } from '../domain/errors.js';

export const jsonTypes = ['application/json', 'application/*+json'];
const methodsWithBodies = new Set(['POST', 'PUT', 'PATCH']);

/** A UTF-16 code unit of a surrogate pair without its partner: what `"\ud800"` parses to. */
const loneSurrogate = /\p{Surrogate}/u;

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

const pathOf = (visit: Visit | undefined): string => {
  const keys: string[] = [];
  for (let at = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.') || '$';
};

/**
 * Where the first string (or key) holding a lone surrogate is, as the error shape names fields
 * (`tags.0`, `$`). Iterative, and linear in the body's size: bodies may nest 100,000 deep.
 */
function illFormedAt(body: unknown): string | undefined {
  const stack: Visit[] = [{ value: body, key: '', parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (loneSurrogate.test(value)) return pathOf(visit);
    } else if (value !== null && typeof value === 'object') {
      // Pushed last to first, so fields are visited in the order they were sent.
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const child = { value: item, key, parent: visit };
        if (loneSurrogate.test(key)) return pathOf(child);
        stack.push(child);
      }
    }
  }
  return undefined;
}

/**
 * Parses JSON bodies of the methods whose operations take one; a body sent with GET or DELETE is
 * never read, so it can neither fail nor cost anything. Bytes that are not UTF-8 are refused:
 * decoding would turn them into U+FFFD and store text the client never sent. So is a `\u`
 * escape of a lone surrogate: it is valid JSON but not text, and every store turns it into U+FFFD.
 */
export const jsonBody = (limit: number): RequestHandler => {
  const parse = express.json({
    limit,
    type: (req) => methodsWithBodies.has(req.method ?? '') && Boolean((req as Request).is(jsonTypes)),
    verify: (_req, _res, bytes) => {
      if (!isUtf8(bytes)) throw badRequest('The request body is not valid UTF-8.');
    },
  });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      const field = illFormedAt(req.body);
      if (field === undefined) return next();
      next(
        badRequest('The request body holds a lone surrogate, which is not text.', {
          [field]: ['holds a lone surrogate (a \\u escape between D800 and DFFF without its pair)'],
        }),
      );
    });
};
