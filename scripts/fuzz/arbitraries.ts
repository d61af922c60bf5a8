// fast-check arbitraries from JSON Schemas: values the schema accepts (positive data). Formats
// are produced valid and checked with the very format functions the server's validators use.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { Json } from './spec-model.js';

const require = createRequire(import.meta.url);
type Format = RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean) };
const formats = require('../../generated/formats.cjs') as Record<string, Format>;

/** Whether `value` passes the named format, as the generated validators decide it. */
export function passesFormat(name: string, value: string): boolean {
  const format = formats[name];
  if (!format) return true;
  const check = typeof format === 'object' && 'validate' in format ? format.validate : format;
  return check instanceof RegExp ? check.test(value) : check(value);
}

const INT32_MAX = 2 ** 31 - 1;
const codePoints = (s: string) => [...s].length;

function stringOf(schema: Json): fc.Arbitrary<string> {
  const minLength: number = schema.minLength ?? 0;
  const maxLength: number = schema.maxLength ?? Math.max(minLength + 40, 40);
  const fits = (s: string) => codePoints(s) >= minLength && codePoints(s) <= maxLength;
  switch (schema.format) {
    case 'email':
      return fc.emailAddress().filter((s) => fits(s) && passesFormat('email', s));
    case 'date-time':
      return fc
        .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl().filter(fits);
  }
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
  // Any code point, or printable ASCII (where words and punctuation meet search and CSV). Lone
  // surrogates (JSON's `"\ud800"`) are negative data: the server refuses them as not text.
  const text = (min: number, max: number) =>
    fc.oneof(
      fc.string({ unit: 'binary', minLength: min, maxLength: max }),
      fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }),
    );
  // Mostly short strings, sometimes exactly at a length bound.
  const any = fc.oneof(
    { weight: 6, arbitrary: text(minLength, maxLength) },
    { weight: 1, arbitrary: text(maxLength, maxLength) },
    { weight: 1, arbitrary: text(minLength, minLength) },
  );
  if (!pattern) return any;
  // Patterns most strings satisfy (`^[^\u0000]*$`) filter cheaply; others are generated from the pattern.
  const sample = fc.sample(text(minLength, maxLength), { numRuns: 50, seed: 1 });
  if (sample.filter((s) => pattern.test(s)).length >= 25) return any.filter((s) => pattern.test(s));
  return fc.stringMatching(pattern).filter(fits);
}

/** Strings of ASCII with at least one lone surrogate among them. */
export const withLoneSurrogate = (maxLength = 10): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ unit: 'grapheme-ascii', maxLength: Math.max(0, maxLength - 1) }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.nat())
    .map(([s, unit, at]) => {
      const i = at % (s.length + 1);
      return `${s.slice(0, i)}${String.fromCharCode(unit)}${s.slice(i)}`;
    })
    .filter((s) => /\p{Surrogate}/u.test(s));

/** Values `schema` accepts. readOnly properties are left out (a request never carries them). */
export function valid(schema: Json): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((t: string) => valid({ ...schema, type: t })));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -INT32_MAX, max: schema.maximum ?? INT32_MAX });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return stringOf(schema);
    case 'array': {
      const items = valid(schema.items ?? {});
      const constraints = { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? 10 };
      return schema.uniqueItems
        ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(items, constraints);
    }
    case 'object': {
      const properties = Object.entries<Json>(schema.properties ?? {}).filter(([, s]) => !s.readOnly);
      const required: string[] = schema.required ?? [];
      const record = fc.record(Object.fromEntries(properties.map(([name, s]) => [name, valid(s)])), {
        requiredKeys: required.filter((r) => properties.some(([name]) => name === r)),
      });
      return record.filter((o) => Object.keys(o).length >= (schema.minProperties ?? 0));
    }
  }
  return fc.jsonValue();
}
