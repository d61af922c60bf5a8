import type { Handler } from '../../../generated/v1/handlers.js';
import { csvExport, searchCsv } from '../../versions/csv.js';
import { pagingHeaders, v1Paging } from '../../versions/v1/paging.js';
import { toHit } from '../../versions/v1/resources.js';

export const search: Handler<'search'> = async ({ query }, { services, url, representation }) => {
  const input = { q: query.q, type: query.type };
  if (representation === 'text/csv') return csvExport('search.csv', searchCsv, services.search.export(input));
  const page = await services.search.list(input, v1Paging(query));
  return { status: 200, body: page.items.map(toHit), headers: pagingHeaders(url, page) };
};
