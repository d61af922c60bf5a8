import type { Handler } from '../../../generated/v1/handlers.js';
import { postModified, postTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toPost } from '../../versions/v1/resources.js';

export const createPost: Handler<'createPost'> = async ({ body }, { services, baseUrl, actor }) => {
  const post = await services.posts.create(actor, body);
  return {
    status: 201,
    body: toPost(post),
    headers: { Location: `${baseUrl}/posts/${post.id}`, ...validators('v1', postTag(post), postModified(post)) },
  };
};
