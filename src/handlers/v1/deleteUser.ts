import type { Handler } from '../../../generated/v1/handlers.js';

export const deleteUser: Handler<'deleteUser'> = async ({ params }, { services }) => {
  await services.users.delete(params.userId);
  return { status: 204 };
};
