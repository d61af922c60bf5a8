import type { Handler } from '../../../generated/v1/handlers.js';
import { toUser } from '../../serializers/resources.js';

export const updateUser: Handler<'updateUser'> = async ({ params, body }, { services }) => ({
  status: 200,
  body: toUser(await services.users.update(params.userId, body)),
});
