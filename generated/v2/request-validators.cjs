/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` from openapi/v2.yaml.
// Parameters (coerced, defaults filled) as { path, query }, and JSON bodies, per operationId.
module.exports = {
  params: require('./params.cjs'),
  bodies: require('./bodies.cjs'),
};
