/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` (scripts/generate-runtime.mjs).
'use strict';
const { fullFormats } = require('ajv-formats/dist/formats');
module.exports = {
  ...fullFormats,
  int32: { type: 'number', validate: (n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 },
  int64: { type: 'number', validate: (n) => Number.isSafeInteger(n) },
};
