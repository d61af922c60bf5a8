import type { Handler } from '../../../generated/v2/handlers.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const updateUser: Handler<'updateUser'> = async ({ params, body }, { services, baseUrl, actor }) => ({
  status: 200,
  body: toUserV2(await services.users.update(actor, params.userId, body), baseUrl),
});
