import type { Handler } from '../../../generated/v2/handlers.js';
import { toPost } from '../../serializers/resources.js';
import { envelope } from '../../serializers/v2-envelope.js';

export const listUserPosts: Handler<'listUserPosts'> = async ({ params, query }, { services, url }) => {
  const page = await services.posts.listByAuthor(params.userId, { page: query.page, perPage: query.per_page });
  return { status: 200, body: envelope(url, page, toPost) };
};
