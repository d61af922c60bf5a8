import type { Handler } from '../../../generated/v1/handlers.js';
import { v1Paging } from '../../http/paging.js';
import { csvExport, userCsv } from '../../serializers/csv.js';
import { toUser } from '../../serializers/resources.js';
import { pagingHeaders } from '../../serializers/v1-paging.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, { services, url, representation }) => {
  const filters = { role: query.role };
  if (representation === 'text/csv') return csvExport('users.csv', userCsv, services.users.export(filters));
  const page = await services.users.list(filters, v1Paging(query));
  return { status: 200, body: page.items.map(toUser), headers: pagingHeaders(url, page) };
};
