import type { Handler } from '../../../generated/v2/handlers.js';
import { toToken } from '../../versions/token.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const createToken: Handler<'createToken'> = async ({ body }, { services, baseUrl }) => {
  const issued = await services.tokens.signIn(body.email, body.password);
  return { status: 201, body: toToken(issued, toUserV2(issued.user, baseUrl)) };
};
