import type { Handler } from '../../../generated/v2/handlers.js';
import { toUserV2 } from '../../versions/v2/resources.js';

export const createUser: Handler<'createUser'> = async ({ body }, { services, baseUrl, actor }) => {
  const user = toUserV2(await services.users.create(body, actor), baseUrl);
  return { status: 201, body: user, headers: { Location: user._links.self.href } };
};
