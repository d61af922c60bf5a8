import type { Handler } from '../../../generated/v1/handlers.js';
import { postModified, postTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toPost } from '../../versions/v1/resources.js';

export const getPost: Handler<'getPost'> = async ({ params }, { services }) => {
  const post = await services.posts.get(params.postId);
  return { status: 200, body: toPost(post), headers: validators('v1', postTag(post), postModified(post)) };
};
