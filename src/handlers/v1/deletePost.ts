import type { Handler } from '../../../generated/v1/handlers.js';

export const deletePost: Handler<'deletePost'> = async ({ params }, { services, actor }) => {
  await services.posts.delete(actor, params.postId);
  return { status: 204 };
};
