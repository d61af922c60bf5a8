import type { Handler } from '../../../generated/v2/handlers.js';
import { postModified, postTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toPostV2 } from '../../versions/v2/resources.js';

export const updatePost: Handler<'updatePost'> = async ({ params, body }, { services, actor, ifMatch, baseUrl }) => {
  const post = await services.posts.update(actor, params.postId, body, ifMatch);
  return { status: 200, body: toPostV2(post, baseUrl), headers: validators('v2', postTag(post), postModified(post)) };
};
