import type { Handler } from '../../../generated/v1/handlers.js';
import { userTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toUser } from '../../versions/v1/resources.js';

export const createUser: Handler<'createUser'> = async ({ body }, { services, baseUrl, actor }) => {
  const user = await services.users.create(body, actor);
  return {
    status: 201,
    body: toUser(user),
    headers: { Location: `${baseUrl}/users/${user.id}`, ...validators('v1', userTag(user), user.updated_at) },
  };
};
