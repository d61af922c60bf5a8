import type { Handler } from '../../../generated/v1/handlers.js';
import { toPost } from '../../serializers/resources.js';
import { pagingHeaders } from '../../serializers/v1-paging.js';

export const listPosts: Handler<'listPosts'> = async ({ query }, { services, url }) => {
  const page = await services.posts.list({ page: query.page, perPage: query.per_page });
  return { status: 200, body: page.items.map(toPost), headers: pagingHeaders(url, page) };
};
