import type { Handler } from '../../../generated/v1/handlers.js';
import { toPost } from '../../serializers/resources.js';

export const updatePost: Handler<'updatePost'> = async ({ params, body }, { services }) => ({
  status: 200,
  body: toPost(await services.posts.update(params.postId, body)),
});
