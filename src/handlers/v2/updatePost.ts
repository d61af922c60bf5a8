import type { Handler } from '../../../generated/v2/handlers.js';
import { toPostV2 } from '../../versions/v2/resources.js';

export const updatePost: Handler<'updatePost'> = async ({ params, body }, { services, baseUrl, actor }) => ({
  status: 200,
  body: toPostV2(await services.posts.update(actor, params.postId, body), baseUrl),
});
