import type { Handler } from '../../../generated/v2/handlers.js';
import { isSearchPosition } from '../../domain/search.js';
import { csvExport, searchCsv } from '../../versions/csv.js';
import { envelope } from '../../versions/v2/envelope.js';
import { listScope, v2Paging } from '../../versions/v2/paging.js';
import { toHitV2 } from '../../versions/v2/resources.js';

export const search: Handler<'search'> = async ({ query }, ctx) => {
  const input = { q: query.q, type: query.type };
  if (ctx.representation === 'text/csv') return csvExport('search.csv', searchCsv, ctx.services.search.export(input));
  const paging = v2Paging(query, ctx, listScope('search', input), isSearchPosition);
  const page = await ctx.services.search.list(input, paging.request);
  return { status: 200, body: envelope(ctx.url, page, paging, (hit) => toHitV2(hit, ctx.baseUrl)) };
};
