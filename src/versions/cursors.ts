import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalidCursor } from '../domain/errors.js';

/**
 * Opaque cursors: base64url JSON of the list they belong to (`scope`) and a keyset position,
 * signed with HMAC-SHA256 so a forged, truncated or foreign cursor is refused, never run.
 */
export function cursorCodec(secret: string) {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest().subarray(0, 16);

  return {
    encode(scope: string, position: unknown): string {
      const payload = Buffer.from(JSON.stringify({ s: scope, p: position })).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },

    /** `isPosition` checks the shape, so even a validly signed cursor of an older layout cannot reach SQL. */
    decode<P>(cursor: string, scope: string, isPosition: (value: unknown) => value is P): P {
      const [payload, signature, extra] = cursor.split('.');
      if (!payload || !signature || extra !== undefined) throw invalidCursor('The cursor is malformed');
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor('The cursor was altered or truncated');
      let decoded: { s?: unknown; p?: unknown };
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor('The cursor is malformed');
      }
      if (decoded.s !== scope) throw invalidCursor('The cursor belongs to another list');
      if (!isPosition(decoded.p)) throw invalidCursor('The cursor is malformed');
      return decoded.p;
    },
  };
}

export type CursorCodec = ReturnType<typeof cursorCodec>;
