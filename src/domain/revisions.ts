import type { PostRevision } from '../db/posts-repository.js';
import type { PostRecord, UserRecord } from '../db/records.js';

/**
 * What a conditional write asked for (If-Match): any existing record (`*`), or one of these
 * opaque tags, already stripped of the version that issued them. The tags are the ones
 * `userTag` and `postTag` make; anything else can match nothing.
 */
export type Expected = '*' | string[];

/** The version-independent part of a user's strong entity tag: its revision. */
export const userTag = (user: UserRecord) => `r${user.revision}`;

/** A post's representation embeds its author, so its tag names both revisions. */
export const postTag = (post: PostRecord) => `r${post.revision}.a${post.author.revision}`;

/** When a post's representation last changed: the later of its own and its author's write. */
export const postModified = (post: PostRecord) => (post.updated_at > post.author.updated_at ? post.updated_at : post.author.updated_at);

const revision = (digits: string) => {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** The user revisions the tags name; undefined for `*` or no condition. */
export function userRevisions(expected: Expected | undefined): number[] | undefined {
  if (expected === undefined || expected === '*') return undefined;
  return expected.flatMap((tag) => {
    const found = /^r(\d{1,15})$/.exec(tag);
    const n = found && revision(found[1] as string);
    return n ? [n] : [];
  });
}

/** The (post, author) revision pairs the tags name; undefined for `*` or no condition. */
export function postRevisions(expected: Expected | undefined): PostRevision[] | undefined {
  if (expected === undefined || expected === '*') return undefined;
  return expected.flatMap((tag) => {
    const found = /^r(\d{1,15})\.a(\d{1,15})$/.exec(tag);
    const own = found && revision(found[1] as string);
    const author = found && revision(found[2] as string);
    return own && author ? [{ revision: own, authorRevision: author }] : [];
  });
}
