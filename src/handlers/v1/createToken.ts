import type { Handler } from '../../../generated/v1/handlers.js';
import { toToken } from '../../versions/token.js';
import { toUser } from '../../versions/v1/resources.js';

export const createToken: Handler<'createToken'> = async ({ body }, { services }) => {
  const issued = await services.tokens.signIn(body.email, body.password);
  return { status: 201, body: toToken(issued, toUser(issued.user)) };
};
