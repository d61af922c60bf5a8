import type { Handler } from '../../../generated/v1/handlers.js';
import { toUser } from '../../serializers/resources.js';
import { pagingHeaders } from '../../serializers/v1-paging.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, { services, url }) => {
  const page = await services.users.list({ page: query.page, perPage: query.per_page });
  return { status: 200, body: page.items.map(toUser), headers: pagingHeaders(url, page) };
};
