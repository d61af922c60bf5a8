import type { Handler } from '../../../generated/v1/handlers.js';
import { csvExport, postCsv } from '../../versions/csv.js';
import { pagingHeaders, v1Paging } from '../../versions/v1/paging.js';
import { toPost } from '../../versions/v1/resources.js';

export const listUserPosts: Handler<'listUserPosts'> = async ({ params, query }, { services, url, representation }) => {
  const filters = { authorId: params.userId, tag: query.tag };
  if (representation === 'text/csv') return csvExport('posts.csv', postCsv, await services.posts.export(filters));
  const page = await services.posts.list(filters, v1Paging(query));
  return { status: 200, body: page.items.map(toPost), headers: pagingHeaders(url, page) };
};
