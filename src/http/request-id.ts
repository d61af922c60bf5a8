import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const wellFormed = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echoes a well-formed incoming X-Request-ID, otherwise mints a UUID; logs and errors carry it. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming && wellFormed.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.locals.requestId = id;
  res.setHeader('X-Request-ID', id);
  next();
};
