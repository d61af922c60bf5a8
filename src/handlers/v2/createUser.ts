import type { Handler } from '../../../generated/v2/handlers.js';
import { userTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const createUser: Handler<'createUser'> = async ({ body }, { services, baseUrl, actor }) => {
  const user = await services.users.create(body, actor);
  const rendered = toUserV2(user, baseUrl);
  return {
    status: 201,
    body: rendered,
    headers: { Location: rendered._links.self.href, ...validators('v2', userTag(user), user.updated_at) },
  };
};
