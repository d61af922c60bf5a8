import type { Handler } from '../../../generated/v1/handlers.js';

export const deleteToken: Handler<'deleteToken'> = async (_input, { services, actor }) => {
  await services.tokens.signOut(actor);
  return { status: 204 };
};
