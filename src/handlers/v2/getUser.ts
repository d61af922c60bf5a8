// Single resources are the same in v2 as in v1; generated/v2/handlers.ts checks this against the v2 contract.
export { getUser } from '../v1/getUser.js';
