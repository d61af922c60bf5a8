import type { Handler } from '../../../generated/v1/handlers.js';
import { csvExport, userCsv } from '../../versions/csv.js';
import { pagingHeaders, v1Paging } from '../../versions/v1/paging.js';
import { toUser } from '../../versions/v1/resources.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, { services, url, representation }) => {
  const filters = { role: query.role };
  if (representation === 'text/csv') return csvExport('users.csv', userCsv, services.users.export(filters));
  const page = await services.users.list(filters, v1Paging(query));
  return { status: 200, body: page.items.map(toUser), headers: pagingHeaders(url, page) };
};
