// Negative data: one constraint of one parameter or body field broken at a time. Each site
// names the field the error must name and what the server must answer.
import fc from 'fast-check';
import { valid, withLoneSurrogate } from './arbitraries.js';
import type { Json, Operation } from './spec-model.js';

export interface Site {
  /** Where the broken value goes: a parameter, a body field (`email`, `tags.0`) or the whole body (`$`). */
  where: 'path' | 'query' | 'body' | 'header';
  field: string;
  /** What is broken: `wrong type`, `too long`, `missing required`, … */
  broken: string;
  /** `absent` removes the field. */
  value: fc.Arbitrary<unknown>;
  /** What the server must answer, where it is not 400 BAD_REQUEST (parameters) or 422 VALIDATION_ERROR (body). */
  expect?: { status: number; code: string };
}

const ABSENT = Symbol('absent');
export const absent = ABSENT;

const notNumeric = fc.oneof(
  fc.constantFrom('abc', '1.5', 'true', 'null', '[]', '-', '1,2', '١٢'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '' && Number.isNaN(Number(s))),
);

/** Values of another JSON type than the schema's. */
function wrongType(schema: Json): fc.Arbitrary<unknown> {
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const others: fc.Arbitrary<unknown>[] = [];
  if (!types.includes('string')) others.push(fc.string({ maxLength: 5 }));
  if (!types.includes('integer') && !types.includes('number')) others.push(fc.integer());
  if (types.includes('integer')) others.push(fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }));
  if (!types.includes('boolean')) others.push(fc.boolean());
  if (!types.includes('null')) others.push(fc.constant(null));
  if (!types.includes('array')) others.push(fc.array(fc.integer(), { maxLength: 2 }));
  if (!types.includes('object')) others.push(fc.constant({ x: 1 }));
  return fc.oneof(...others);
}

/** The ways a value of `schema` can break it, as (broken, value) pairs. In a parameter, values travel as text. */
function breakings(schema: Json, inParam: boolean): Array<[string, fc.Arbitrary<unknown>]> {
  const out: Array<[string, fc.Arbitrary<unknown>]> = [];
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    out.push(['wrong type', inParam ? notNumeric : wrongType(schema)]);
    if (schema.minimum !== undefined) out.push(['below minimum', fc.integer({ min: schema.minimum - 1000, max: schema.minimum - 1 })]);
    if (schema.maximum !== undefined) out.push(['above maximum', fc.integer({ min: schema.maximum + 1, max: schema.maximum + 1000 })]);
  }
  if (type === 'string' || (Array.isArray(type) && type.includes('string'))) {
    if (!inParam) out.push(['wrong type', wrongType(schema)]);
    if (schema.enum) out.push(['not in the enum', fc.string({ maxLength: 10 }).filter((s) => !schema.enum.includes(s))]);
    if (schema.maxLength !== undefined) {
      const n = schema.maxLength;
      out.push([
        'too long',
        fc
          .integer({ min: n + 1, max: n + 20 })
          .map((len) => (schema.format === 'email' ? `${'a'.repeat(len - 12)}@example.com` : 'x'.repeat(len))),
      ]);
    }
    if (schema.minLength)
      out.push(['too short', fc.string({ unit: 'grapheme-ascii', minLength: schema.minLength - 1, maxLength: schema.minLength - 1 })]);
    if (schema.pattern === '^[^\\u0000]*$') {
      out.push([
        'a NUL character',
        fc
          .tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 4 }), fc.string({ unit: 'grapheme-ascii', maxLength: 4 }))
          .map(([a, b]) => `${a}\u0000${b}`.padEnd(schema.minLength ?? 0, 'x')),
      ]);
    }
    if (!inParam)
      out.push([
        'a lone surrogate',
        withLoneSurrogate(Math.max(1, Math.min(schema.maxLength ?? 10, 10))).map((v) => v.padEnd(schema.minLength ?? 0, 'x')),
      ]);
    if (schema.format === 'email')
      out.push([
        'not an email',
        fc.constantFrom('plainaddress', 'no-at.example.com', 'two@@example.com', 'a@', '@example.com', 'a b@example.com'),
      ]);
  }
  if (type === 'array') {
    out.push(['wrong type', wrongType(schema)]);
    if (schema.maxItems !== undefined)
      out.push(['too many items', fc.array(valid(schema.items ?? {}), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3 })]);
  }
  if (type === 'object') out.push(['wrong type', wrongType(schema)]);
  return out;
}

/** A lone surrogate is not text: the body cannot be read (400), rather than breaking its schema (422). */
const expectOf = (broken: string) => (broken === 'a lone surrogate' ? { expect: { status: 400, code: 'BAD_REQUEST' } } : {});

const undeclaredName = (declared: string[]) =>
  fc
    .oneof(
      fc.constantFrom('extra', 'id', 'created_at', 'updated_at', '_links', 'author', '__proto__'),
      fc.stringMatching(/^[a-z][a-z_]{0,11}$/),
    )
    .filter((n) => !declared.includes(n));

/** Every site of the operation where one broken constraint must be refused. */
export function sitesOf(op: Operation): Site[] {
  const sites: Site[] = [];
  for (const p of op.params) {
    for (const [broken, value] of breakings(p.schema, true)) sites.push({ where: p.in, field: p.name, broken, value });
    if (p.in === 'query' && p.required)
      sites.push({ where: 'query', field: p.name, broken: 'missing required', value: fc.constant(ABSENT) });
    if (p.name === 'cursor') {
      sites.push({
        where: 'query',
        field: 'cursor',
        broken: 'a malformed cursor',
        value: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 80 }),
      });
    }
  }
  if (op.params.some((p) => p.in === 'query') || op.method === 'GET') {
    const declared = op.params.filter((p) => p.in === 'query').map((p) => p.name);
    // The field is the name itself: the value travels with it.
    sites.push({ where: 'query', field: '(undeclared)', broken: 'an undeclared parameter', value: undeclaredName(declared) });
  }
  if (op.urlPath.startsWith(`/api/${op.version}/`)) {
    // What the operation cannot produce; a body it cannot read. No field to name: the error says what is wrong.
    const cannot = ['application/xml', 'text/html', 'image/png', 'text/csv', 'application/json;q=0'].filter((t) => !op.offered.includes(t));
    sites.push({
      where: 'header',
      field: 'accept',
      broken: 'an Accept it cannot produce',
      value: fc.constantFrom(...cannot),
      expect: { status: 406, code: 'NOT_ACCEPTABLE' },
    });
  }
  if (op.body) {
    sites.push({
      where: 'header',
      field: 'content-type',
      broken: 'a body that is not JSON',
      value: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
      expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    sites.push({
      where: 'body',
      field: '(raw)',
      broken: 'malformed JSON',
      value: fc.constantFrom('{', '{"title":', "{'a':1}", '{"a":1,}', 'nul', '{"a":01}', '[1,]', '{"a":"\\x"}', '"unterminated'),
      expect: { status: 400, code: 'BAD_REQUEST' },
    });
  }
  const schema = op.body?.schema;
  if (schema?.type === 'object') {
    const properties = Object.entries<Json>(schema.properties ?? {}).filter(([, s]) => !s.readOnly);
    for (const [name, s] of properties) {
      for (const [broken, value] of breakings(s, false)) sites.push({ where: 'body', field: name, broken, value, ...expectOf(broken) });
      if (s.type === 'array' && s.items) {
        for (const [broken, value] of breakings(s.items, false))
          sites.push({ where: 'body', field: `${name}.0`, broken: `an item ${broken}`, value, ...expectOf(broken) });
      }
    }
    for (const name of schema.required ?? [])
      sites.push({ where: 'body', field: name, broken: 'missing required', value: fc.constant(ABSENT) });
    sites.push({ where: 'body', field: '(undeclared)', broken: 'an undeclared field', value: undeclaredName(properties.map(([n]) => n)) });
    // A JSON primitive is malformed to the body parser (400); an array is a body of the wrong type.
    sites.push({ where: 'body', field: '$', broken: 'an array, not an object', value: fc.array(fc.integer(), { maxLength: 2 }) });
    if (schema.minProperties) sites.push({ where: 'body', field: '$', broken: 'too few fields', value: fc.constant({}) });
  }
  return sites;
}
