import type { Handler } from '../../../generated/v2/handlers.js';
import { toPostV2 } from '../../versions/v2/resources.js';

export const createPost: Handler<'createPost'> = async ({ body }, { services, baseUrl, actor }) => {
  const post = toPostV2(await services.posts.create(actor, body), baseUrl);
  return { status: 201, body: post, headers: { Location: post._links.self.href } };
};
