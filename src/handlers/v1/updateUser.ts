import type { Handler } from '../../../generated/v1/handlers.js';
import { toUser } from '../../versions/v1/resources.js';

export const updateUser: Handler<'updateUser'> = async ({ params, body }, { services, actor }) => ({
  status: 200,
  body: toUser(await services.users.update(actor, params.userId, body)),
});
