import type { Handler } from '../../../generated/v2/handlers.js';
import { userTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const updateUser: Handler<'updateUser'> = async ({ params, body }, { services, actor, ifMatch, baseUrl }) => {
  const user = await services.users.update(actor, params.userId, body, ifMatch);
  return { status: 200, body: toUserV2(user, baseUrl), headers: validators('v2', userTag(user), user.updated_at) };
};
