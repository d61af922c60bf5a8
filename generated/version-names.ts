/* eslint-disable */
// DO NOT EDIT. Written by `npm run generate` from the openapi/v<n>.yaml files (scripts/versions.mjs); change the spec and regenerate.

/** One per openapi/v<n>.yaml, oldest first. */
export const versionNames = ['v1', 'v2'] as const;
export type VersionName = (typeof versionNames)[number];
