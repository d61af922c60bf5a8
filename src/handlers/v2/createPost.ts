import type { Handler } from '../../../generated/v2/handlers.js';
import { postModified, postTag } from '../../domain/revisions.js';
import { validators } from '../../http/conditional.js';
import { toPostV2 } from '../../versions/v2/resources.js';

export const createPost: Handler<'createPost'> = async ({ body }, { services, baseUrl, actor }) => {
  const post = await services.posts.create(actor, body);
  const rendered = toPostV2(post, baseUrl);
  return {
    status: 201,
    body: rendered,
    headers: { Location: rendered._links.self.href, ...validators('v2', postTag(post), postModified(post)) },
  };
};
