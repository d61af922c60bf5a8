import type { Handler } from '../../../generated/v2/handlers.js';
import { postModified, postTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toPostV2 } from '../../versions/v2/resources.js';

export const getPost: Handler<'getPost'> = async ({ params }, { services, baseUrl }) => {
  const post = await services.posts.get(params.postId);
  return { status: 200, body: toPostV2(post, baseUrl), headers: validators('v2', postTag(post), postModified(post)) };
};
