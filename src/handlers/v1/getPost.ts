import type { Handler } from '../../../generated/v1/handlers.js';
import { toPost } from '../../versions/v1/resources.js';

export const getPost: Handler<'getPost'> = async ({ params }, { services }) => ({
  status: 200,
  body: toPost(await services.posts.get(params.postId)),
});
