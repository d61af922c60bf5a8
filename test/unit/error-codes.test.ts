// The domain's ErrorCode and each spec's ErrorCode enum are one list: `npm run lint` (tsc) fails
// when a code is added to one and not the other, in either direction.
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/domain/errors.js';
import type { components as V1 } from '../../generated/v1/types.js';
import type { components as V2 } from '../../generated/v2/types.js';
import type { components as Service } from '../../generated/service/types.js';
import { documents, specs } from '../support/spec.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsV1: Same<ErrorCode, V1['schemas']['ErrorCode']> = true;
const sameAsV2: Same<ErrorCode, V2['schemas']['ErrorCode']> = true;
const sameAsService: Same<ErrorCode, Service['schemas']['ErrorCode']> = true;

describe('the error codes', () => {
  it('are the same list in the domain and in every spec (checked by tsc)', () => {
    expect([sameAsV1, sameAsV2, sameAsService]).toEqual([true, true, true]);
  });

  it.each(specs)('are each described in the table of the %s spec', (spec) => {
    const schema = documents[spec].components.schemas.ErrorCode;
    for (const code of schema.enum) expect(schema.description).toContain(`| \`${code}\` |`);
  });
});
