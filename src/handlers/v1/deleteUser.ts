import type { Handler } from '../../../generated/v1/handlers.js';

export const deleteUser: Handler<'deleteUser'> = async ({ params }, { services, actor, ifMatch }) => {
  await services.users.delete(actor, params.userId, ifMatch);
  return { status: 204 };
};
