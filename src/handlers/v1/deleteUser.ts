import type { Handler } from '../../../generated/v1/handlers.js';

export const deleteUser: Handler<'deleteUser'> = async ({ params }, { services, actor }) => {
  await services.users.delete(actor, params.userId);
  return { status: 204 };
};
