import type { Handler } from '../../../generated/v2/handlers.js';
import { isPosition } from '../../domain/paging.js';
import { csvExport, userCsv } from '../../versions/csv.js';
import { envelope } from '../../versions/v2/envelope.js';
import { listScope, v2Paging } from '../../versions/v2/paging.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, ctx) => {
  const filters = { role: query.role };
  if (ctx.representation === 'text/csv') return csvExport('users.csv', userCsv, ctx.services.users.export(filters));
  const paging = v2Paging(query, ctx, listScope('listUsers', filters), isPosition);
  const page = await ctx.services.users.list(filters, paging.request);
  return { status: 200, body: envelope(ctx.url, page, paging, (u) => toUserV2(u, ctx.baseUrl)) };
};
