// Domain inputs are the contract's request shapes; both versions accept the same ones.
import type { components } from '../../generated/v1/types.js';

export type Role = components['schemas']['Role'];
export type UserCreate = components['schemas']['UserCreate'];
export type UserUpdate = components['schemas']['UserUpdate'];
export type PostCreate = components['schemas']['PostCreate'];
export type PostUpdate = components['schemas']['PostUpdate'];
