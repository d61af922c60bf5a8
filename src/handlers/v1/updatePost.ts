import type { Handler } from '../../../generated/v1/handlers.js';
import { toPost } from '../../versions/v1/resources.js';

export const updatePost: Handler<'updatePost'> = async ({ params, body }, { services, actor }) => ({
  status: 200,
  body: toPost(await services.posts.update(actor, params.postId, body)),
});
