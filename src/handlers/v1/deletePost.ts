import type { Handler } from '../../../generated/v1/handlers.js';

export const deletePost: Handler<'deletePost'> = async ({ params }, { services }) => {
  await services.posts.delete(params.postId);
  return { status: 204 };
};
