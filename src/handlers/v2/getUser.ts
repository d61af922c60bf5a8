import type { Handler } from '../../../generated/v2/handlers.js';
import { userTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const getUser: Handler<'getUser'> = async ({ params }, { services, baseUrl }) => {
  const user = await services.users.get(params.userId);
  return { status: 200, body: toUserV2(user, baseUrl), headers: validators('v2', userTag(user), user.updated_at) };
};
