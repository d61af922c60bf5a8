// What the spec declares for a response, checked without a test runner: the contract client
// asserts on it, and the fuzzer (scripts/fuzz) reports it.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { documents, operation, resolve, specs, type Spec } from './spec.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A response as the checks see it: `body` is the parsed JSON, or the text of any other type. */
export interface CheckedResponse {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

/** One way a response contradicts the spec: which check, and what was seen. */
export interface Violation {
  check: 'status declared' | 'declared header' | 'no body' | 'content type' | 'body schema';
  message: string;
}

function createAjv(coerceTypes: boolean) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, coerceTypes });
  addFormats.default(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  for (const v of specs) ajv.addSchema(documents[v], v);
  return ajv;
}
const bodies = createAjv(false);
const headerValues = createAjv(true);
const compiled = new Map<string, ValidateFunction>();

function validator(version: Spec, schema: Json, forHeader = false): ValidateFunction {
  // A schema with a local $ref is compiled against the version's document.
  const key = `${version}:${forHeader}:${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    const rebased = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#/g, `"$ref":"${version}#`));
    validate = (forHeader ? headerValues : bodies).compile(rebased);
    compiled.set(key, validate);
  }
  return validate;
}

/** Every way the response contradicts what the spec declares for this operation and status; empty when it matches. */
export function specViolations(version: Spec, operationId: string, res: CheckedResponse): Violation[] {
  const declared = resolve(version, operation(version, operationId).operation.responses[String(res.status)]);
  if (!declared)
    return [{ check: 'status declared', message: `status ${res.status} not declared in the spec (body: ${res.text.slice(0, 300)})` }];

  const violations: Violation[] = [];
  for (const [name, ref] of Object.entries<Json>(declared.headers ?? {})) {
    const header = resolve(version, ref);
    const value = res.headers.get(name);
    if (value === null) {
      if (header.required === true) violations.push({ check: 'declared header', message: `required header ${name} missing` });
      continue;
    }
    const validate = validator(version, header.schema, true);
    if (!validate(value))
      violations.push({ check: 'declared header', message: `header ${name}: ${value}: ${JSON.stringify(validate.errors)}` });
  }

  const content = declared.content as Record<string, Json> | undefined;
  if (!content) {
    if (res.text !== '') violations.push({ check: 'no body', message: `declares no body, got ${res.text.slice(0, 300)}` });
    return violations;
  }
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!Object.keys(content).includes(mediaType)) {
    violations.push({
      check: 'content type',
      message: `content type ${mediaType || '(none)'} not among ${Object.keys(content).join(', ')}`,
    });
    return violations;
  }
  const validate = validator(version, content[mediaType].schema);
  if (!validate(res.body))
    violations.push({ check: 'body schema', message: `body does not match the schema: ${JSON.stringify(validate.errors)}` });
  return violations;
}
