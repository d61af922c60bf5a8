import Negotiator from 'negotiator';
import { notAcceptable } from '../domain/errors.js';

/**
 * Picks the representation for a request. A missing, blank or wildcard Accept gets the first
 * offer (JSON); among types the client weighs the same, negotiator keeps the client's order.
 */
export function negotiate(accept: string | undefined, offered: string[]): string {
  // The common cases need no parsing.
  if (!accept?.trim() || accept === '*/*' || accept === offered[0]) return offered[0] as string;
  // Every representation is UTF-8; saying so lets `Accept: text/csv; charset=utf-8` match.
  const [chosen] = new Negotiator({ headers: { accept } }).mediaTypes(offered.map((type) => `${type};charset=utf-8`));
  if (!chosen) {
    throw notAcceptable(offered);
  }
  return chosen.split(';')[0] as string;
}
