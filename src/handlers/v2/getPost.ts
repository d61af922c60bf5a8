import type { Handler } from '../../../generated/v2/handlers.js';
import { toPostV2 } from '../../versions/v2/resources.js';

export const getPost: Handler<'getPost'> = async ({ params }, { services, baseUrl }) => ({
  status: 200,
  body: toPostV2(await services.posts.get(params.postId), baseUrl),
});
