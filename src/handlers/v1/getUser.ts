import type { Handler } from '../../../generated/v1/handlers.js';
import { userTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toUser } from '../../versions/v1/resources.js';

export const getUser: Handler<'getUser'> = async ({ params }, { services }) => {
  const user = await services.users.get(params.userId);
  return { status: 200, body: toUser(user), headers: validators('v1', userTag(user), user.updated_at) };
};
