import type { Handler } from '../../../generated/v2/handlers.js';
import { toPostV2 } from '../../serializers/v2-resources.js';

export const createPost: Handler<'createPost'> = async ({ body }, { services, baseUrl }) => {
  const post = toPostV2(await services.posts.create(body), baseUrl);
  return { status: 201, body: post, headers: { Location: post._links.self.href } };
};
