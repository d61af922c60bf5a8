import type { Handler } from '../../../generated/v2/handlers.js';
import { isPosition } from '../../domain/paging.js';
import { csvExport, postCsv } from '../../versions/csv.js';
import { envelope } from '../../versions/v2/envelope.js';
import { listScope, v2Paging } from '../../versions/v2/paging.js';
import { toPostV2 } from '../../versions/v2/resources.js';

export const listUserPosts: Handler<'listUserPosts'> = async ({ params, query }, ctx) => {
  const filters = { authorId: params.userId, tag: query.tag };
  if (ctx.representation === 'text/csv') return csvExport('posts.csv', postCsv, await ctx.services.posts.export(filters));
  const paging = v2Paging(query, ctx, listScope('listUserPosts', filters), isPosition);
  const page = await ctx.services.posts.list(filters, paging.request);
  return { status: 200, body: envelope(ctx.url, page, paging, (p) => toPostV2(p, ctx.baseUrl)) };
};
