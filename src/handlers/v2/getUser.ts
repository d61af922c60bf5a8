import type { Handler } from '../../../generated/v2/handlers.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const getUser: Handler<'getUser'> = async ({ params }, { services, baseUrl }) => ({
  status: 200,
  body: toUserV2(await services.users.get(params.userId), baseUrl),
});
