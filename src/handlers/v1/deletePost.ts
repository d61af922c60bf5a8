import type { Handler } from '../../../generated/v1/handlers.js';

export const deletePost: Handler<'deletePost'> = async ({ params }, { services, actor, ifMatch }) => {
  await services.posts.delete(actor, params.postId, ifMatch);
  return { status: 204 };
};
