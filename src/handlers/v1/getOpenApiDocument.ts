import type { Handler } from '../../../generated/v1/handlers.js';
import type { components } from '../../../generated/v1/types.js';

export const getOpenApiDocument: Handler<'getOpenApiDocument'> = async (_input, { document }) => ({
  status: 200,
  body: document as components['schemas']['OpenApiDocument'],
});
