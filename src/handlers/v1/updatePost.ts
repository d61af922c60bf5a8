import type { Handler } from '../../../generated/v1/handlers.js';
import { postModified, postTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toPost } from '../../versions/v1/resources.js';

export const updatePost: Handler<'updatePost'> = async ({ params, body }, { services, actor, ifMatch }) => {
  const post = await services.posts.update(actor, params.postId, body, ifMatch);
  return { status: 200, body: toPost(post), headers: validators('v1', postTag(post), postModified(post)) };
};
