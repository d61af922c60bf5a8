// Signing out is the same in v2 as in v1; generated/v2/handlers.ts checks this against the v2 contract.
export { deleteToken } from '../v1/deleteToken.js';
