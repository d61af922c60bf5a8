import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from '../domain/errors.js';
import type { Expected } from '../domain/revisions.js';

/**
 * Conditional requests (RFC 9110 §13). A user or a post has a strong entity tag made of the
 * version that renders it and the record's revision (`"v2.r3"`, `"v2.r3.a1"` for a post and its
 * author), so it is exact, costs no hashing and differs between the v1 and v2 representations;
 * a page of a list has a weak tag, a digest of its JSON, made by the router.
 */

/** The validators of one record's representation in one version: ETag and Last-Modified. */
export const validators = (version: string, tag: string, modified: string) => ({
  ETag: `"${version}.${tag}"`,
  'Last-Modified': new Date(modified).toUTCString(),
});

interface EntityTag {
  weak: boolean;
  opaque: string;
}

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3),
// in a comma-separated list whose empty elements are allowed (§5.6.1).
const listItem = /[ \t]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)")?[ \t]*(?:,|$)/y;

/** `*`, the entity tags of a list, or undefined when the value is not one. */
export function parseEntityTags(value: string): '*' | EntityTag[] | undefined {
  if (value.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  listItem.lastIndex = 0;
  while (listItem.lastIndex < value.length) {
    const start = listItem.lastIndex;
    const found = listItem.exec(value);
    if (!found || listItem.lastIndex === start) return undefined;
    if (found[2] !== undefined) tags.push({ weak: found[1] !== undefined, opaque: found[2] });
  }
  return tags.length > 0 ? tags : undefined;
}

/**
 * What `If-Match` asks of a write in this version: undefined when absent, `*`, or the tags this
 * version issued, without its prefix. If-Match compares strongly (§13.1.1), so a weak tag, or one
 * of another version's representation, can match nothing and is left out. Not a list: 400.
 */
export function ifMatch(value: string | undefined, version: string): Expected | undefined {
  if (value === undefined) return undefined;
  const tags = parseEntityTags(value);
  if (tags === undefined)
    throw badRequest('If-Match must be * or a list of entity tags such as "v2.r3".', { 'If-Match': ['is not a list of entity tags'] });
  if (tags === '*') return '*';
  const prefix = `${version}.`;
  return tags.filter((t) => !t.weak && t.opaque.startsWith(prefix)).map((t) => t.opaque.slice(prefix.length));
}

/**
 * Whether a GET or HEAD may be answered 304 (§13.2.2): If-None-Match when sent (weak comparison,
 * `*` matches the representation that is there), else If-Modified-Since against Last-Modified, to
 * the second. An If-None-Match that is not a list of tags matches nothing; an If-Modified-Since
 * that is not a date is ignored.
 */
export function notModified(request: IncomingHttpHeaders, etag: string | undefined, lastModified: string | undefined): boolean {
  const noneMatch = request['if-none-match'];
  if (noneMatch !== undefined) {
    const tags = parseEntityTags(noneMatch);
    if (tags === '*') return true;
    if (tags === undefined || etag === undefined) return false;
    const current = etag.replace(/^W\//, '').slice(1, -1);
    return tags.some((t) => t.opaque === current);
  }
  const since = request['if-modified-since'];
  if (since === undefined || lastModified === undefined) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && Date.parse(lastModified) <= sinceTime;
}
