import type { Handler } from '../../../generated/v2/handlers.js';
import { toUser } from '../../serializers/resources.js';
import { envelope } from '../../serializers/v2-envelope.js';

export const listUsers: Handler<'listUsers'> = async ({ query }, { services, url }) => {
  const page = await services.users.list({ page: query.page, perPage: query.per_page });
  return { status: 200, body: envelope(url, page, toUser) };
};
