import express, { type Request } from 'express';

export const jsonTypes = ['application/json', 'application/*+json'];
const methodsWithBodies = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Parses JSON bodies of the methods whose operations take one; a body sent with GET or DELETE is
 * never read, so it can neither fail nor cost anything.
 */
export const jsonBody = (limit: number) =>
  express.json({ limit, type: (req) => methodsWithBodies.has(req.method ?? '') && Boolean((req as Request).is(jsonTypes)) });
