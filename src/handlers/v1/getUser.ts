import type { Handler } from '../../../generated/v1/handlers.js';
import { toUser } from '../../versions/v1/resources.js';

export const getUser: Handler<'getUser'> = async ({ params }, { services }) => ({
  status: 200,
  body: toUser(await services.users.get(params.userId)),
});
