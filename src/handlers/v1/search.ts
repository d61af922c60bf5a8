import type { Handler } from '../../../generated/v1/handlers.js';
import { v1Paging } from '../../http/paging.js';
import { csvExport, searchCsv } from '../../serializers/csv.js';
import { toHit } from '../../serializers/resources.js';
import { pagingHeaders } from '../../serializers/v1-paging.js';

export const search: Handler<'search'> = async ({ query }, { services, url, representation }) => {
  const input = { q: query.q, type: query.type };
  if (representation === 'text/csv') return csvExport('search.csv', searchCsv, services.search.export(input));
  const page = await services.search.list(input, v1Paging(query));
  return { status: 200, body: page.items.map(toHit), headers: pagingHeaders(url, page) };
};
