// Writes generated/ from openapi/*.yaml: the parsed document, openapi-typescript types and a
// typed operationId → handler map per version. The only writer of generated/.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { deprecations } from './deprecation.mjs';
import { authOf, configValidator, formatsModule, isVersioned, runtimeArtifacts } from './generate-runtime.mjs';
import { handlerFileMismatches } from './handler-files.mjs';
import { versions } from './versions.mjs';

const root = new URL('../', import.meta.url);
const banner = (source) =>
  `/* eslint-disable */\n// DO NOT EDIT. Written by \`npm run generate\` from ${source}; change the spec and regenerate.\n`;

function handlerMap(version, operationIds, defaulted, signedIn) {
  const defaults = Object.entries(defaulted)
    .map(([id, names]) => `  ${id}: ${names.map((n) => `'${n}'`).join(' | ')};`)
    .join('\n');
  const imports = operationIds.map((id) => `import { ${id} } from '../../src/handlers/${version}/${id}.js';`).join('\n');
  return `${banner(`openapi/${version}.yaml`)}
import type { operations } from './types.js';
import type { HandlerMap } from '../../src/http/handler-types.js';
import type { RequestContext, SignedInContext } from '../../src/http/request-context.js';
${imports}

/** operationIds of openapi/${version}.yaml, in document order. */
export const operationIds = ${JSON.stringify(operationIds, null, 2).replace(/"/g, "'")} as const;

/** Query parameters the validator fills with the spec's default when the client leaves them out. */
interface QueryDefaults {
${defaults}
}

/** The operations served under /api/${version}; the root probes are served outside it. */
type Routed = Pick<operations, (typeof operationIds)[number]>;

/** Operations whose security requires a bearer token: the router has checked it before the handler runs. */
type SignedIn = ${signedIn.map((id) => `'${id}'`).join(' | ') || 'never'};

export type Handlers = HandlerMap<Routed, RequestContext, SignedInContext, QueryDefaults, SignedIn>;
export type Handler<K extends keyof Routed> = Handlers[K];

/** A missing or mistyped handler is a compile error here. */
export const handlers = { ${operationIds.join(', ')} } satisfies Handlers;
`;
}

/** The list of versions for the TypeScript, without loading any of them (docs, tests). */
const versionNames = () => `${banner('the openapi/v<n>.yaml files (scripts/versions.mjs)')}
/** One per openapi/v<n>.yaml, oldest first. */
export const versionNames = [${versions.map((v) => `'${v}'`).join(', ')}] as const;
export type VersionName = (typeof versionNames)[number];
`;

/** Each version's generated pieces, imported once, for src/versions.ts to wire into the app. */
function versionsModule() {
  const imports = versions.flatMap((v) => [
    `import { handlers as ${v}Handlers } from './${v}/handlers.js';`,
    `import ${v}Document from './${v}/openapi.json' with { type: 'json' };`,
    `import ${v}RateLimits from './${v}/rate-limits.json' with { type: 'json' };`,
    `import ${v}Routes from './${v}/routes.json' with { type: 'json' };`,
  ]);
  const entries = versions.map(
    (v) => `  { name: '${v}', document: ${v}Document, routes: ${v}Routes, handlers: ${v}Handlers, rateLimits: ${v}RateLimits },`,
  );
  return `${banner('the openapi/v<n>.yaml files (scripts/versions.mjs)')}
${imports.join('\n')}

/** The served document, route table, handler map and rate limits of each version, oldest first. */
export const generatedVersions = [
${entries.join('\n')}
];
`;
}

const units = { second: 1, minute: 60, hour: 3600, day: 86400 };

/** `"5 per minute"`, `"100 per 10 minutes"` → a window; anything else stops generation naming where it stands. */
function parseLimit(text, where) {
  const m = /^\s*(\d+)\s+per\s+(?:(\d+)\s+)?(second|minute|hour|day)s?\s*$/.exec(String(text));
  if (!m || Number(m[1]) < 1 || (m[2] !== undefined && Number(m[2]) < 1)) {
    throw new Error(
      `${where}: malformed rate limit ${JSON.stringify(text)}; write it as "<n> per [<m>] second|minute|hour|day", e.g. "5 per minute"`,
    );
  }
  const [, limit, count = '1', unit] = m;
  return {
    limit: Number(limit),
    windowSeconds: Number(count) * units[unit],
    text: `${limit} per ${count === '1' ? unit : `${count} ${unit}s`}`,
  };
}

function parseLimits(list, scope, where) {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`${where}: x-rate-limit must be a list of strings such as ["5 per minute"]`);
  const windows = list.map((text) => parseLimit(text, where));
  return windows.map(({ limit, windowSeconds, text }) => ({ name: `${scope}-${text.replace(/ /g, '-')}`, limit, windowSeconds, text }));
}

/**
 * The limits of the spec, and each operation's description extended with the limits that apply to
 * it. An operation with `x-rate-limit-shared: false` does not count against the root budget (the
 * served document, so reading the contract never spends the API's budget), only against its own.
 */
function rateLimits(version, document, operations) {
  const defaults = parseLimits(document['x-rate-limit'], 'default', `openapi/${version}.yaml x-rate-limit`);
  const byOperation = {};
  const exemptFromDefault = [];
  for (const op of operations) {
    const own = parseLimits(op['x-rate-limit'], op.operationId, `openapi/${version}.yaml ${op.operationId} x-rate-limit`);
    const shared = op['x-rate-limit-shared'] ?? true;
    if (typeof shared !== 'boolean')
      throw new Error(
        `openapi/${version}.yaml ${op.operationId} x-rate-limit-shared: must be true or false, not ${JSON.stringify(shared)}`,
      );
    if (own.length) byOperation[op.operationId] = own;
    if (!shared) exemptFromDefault.push(op.operationId);
    const parts = [
      own.length && `${own.map((w) => w.text).join(', ')} for this operation`,
      defaults.length &&
        (shared
          ? `${defaults.map((w) => w.text).join(', ')} shared by all operations`
          : 'not counted against the budget shared by the other operations'),
    ].filter(Boolean);
    if (parts.length) op.description = `${op.description ?? ''}\n\n**Rate limits:** ${parts.join('; ')}.`.trim();
  }
  return { default: defaults, operations: byOperation, exemptFromDefault };
}

/** Follows a local `$ref` such as `#/components/parameters/Page`. */
function resolve(document, node) {
  if (!node?.$ref) return node;
  const target = node.$ref
    .slice(2)
    .split('/')
    .reduce((at, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return resolve(document, target);
}

try {
  await generate();
} catch (err) {
  console.error(`npm run generate: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

/**
 * The operations each versioned router serves, with the path item they sit in. A path item with
 * servers of its own would live outside the versioned routers: no handler in the map and no rate
 * limits. (The probes and docs have a document of their own.)
 */
function pathOperationsOf(document) {
  return Object.values(document.paths)
    .filter(isVersioned)
    .flatMap((item) =>
      Object.values(item)
        .filter((op) => op && typeof op === 'object' && op.operationId)
        .map((op) => [item, op]),
    );
}

async function generate() {
  // Checked before anything is written, so a mismatch leaves the last good generated/ in place.
  const declared = {};
  for (const version of versions) {
    declared[version] = pathOperationsOf(parse(await readFile(new URL(`openapi/${version}.yaml`, root), 'utf8'))).map(
      ([, op]) => op.operationId,
    );
  }
  const mismatches = handlerFileMismatches(declared, fileURLToPath(root));
  if (mismatches.length) throw new Error(`the handler files and the operations disagree:\n  ${mismatches.join('\n  ')}`);

  await rm(new URL('generated/', root), { recursive: true, force: true });
  await mkdir(new URL('generated/', root), { recursive: true });
  await writeFile(new URL('generated/version-names.ts', root), versionNames());
  await writeFile(new URL('generated/versions.ts', root), versionsModule());
  await writeFile(new URL('generated/formats.cjs', root), formatsModule);
  const configSchema = JSON.parse(await readFile(new URL('src/config-schema.json', root), 'utf8'));
  await writeFile(new URL('generated/config-validator.cjs', root), configValidator(configSchema));

  for (const version of versions) {
    const specUrl = new URL(`openapi/${version}.yaml`, root);
    const document = parse(await readFile(specUrl, 'utf8'));
    const pathOperations = pathOperationsOf(document);
    const limits = rateLimits(
      version,
      document,
      pathOperations.map(([, op]) => op),
    );
    const operations = pathOperations.map(([item, op]) => ({ ...op, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])] }));
    const operationIds = operations.map((op) => op.operationId);
    // Deprecation, Sunset and Link of each deprecated operation, checked before anything is written.
    const deprecated = deprecations(version, document, operations);
    const defaulted = Object.fromEntries(
      operations
        .map((op) => [
          op.operationId,
          op.parameters
            .map((p) => resolve(document, p))
            .filter((p) => p.in === 'query' && p.schema && 'default' in resolve(document, p.schema))
            .map((p) => p.name),
        ])
        .filter(([, names]) => names.length > 0),
    );
    const out = new URL(`generated/${version}/`, root);
    await mkdir(out, { recursive: true });
    // The served and rendered document: the spec with each operation's limits written into its description.
    await writeFile(new URL('openapi.json', out), `${JSON.stringify(document, null, 2)}\n`);
    await writeFile(new URL('rate-limits.json', out), `${JSON.stringify(limits, null, 2)}\n`);
    // A default does not make a request field required: the server fills it in.
    const types = astToString(await openapiTS(specUrl, { defaultNonNullable: false }));
    await writeFile(new URL('types.ts', out), `${banner(`openapi/${version}.yaml`)}\n${types}`);
    const signedIn = operations.filter((op) => authOf(op.security ?? document.security ?? []) === 'required').map((op) => op.operationId);
    await writeFile(new URL('handlers.ts', out), handlerMap(version, operationIds, defaulted, signedIn));
    const runtime = await runtimeArtifacts(version, parse(await readFile(specUrl, 'utf8')), deprecated);
    await writeFile(new URL('routes.json', out), runtime.routes);
    for (const file of ['request-validators.cjs', 'params.cjs', 'bodies.cjs', 'responses.cjs'])
      await writeFile(new URL(file, out), runtime[file]);
    console.log(`generated ${fileURLToPath(out)} (${operationIds.length} operations)`);
  }

  // The service document (probes and docs at the server root): served as it is, and typed; its
  // routes are plain express routes in src/app.ts, outside the versioned router.
  const serviceUrl = new URL('openapi/service.yaml', root);
  const service = parse(await readFile(serviceUrl, 'utf8'));
  const serviceOut = new URL('generated/service/', root);
  await mkdir(serviceOut, { recursive: true });
  await writeFile(new URL('openapi.json', serviceOut), `${JSON.stringify(service, null, 2)}\n`);
  await writeFile(
    new URL('types.ts', serviceOut),
    `${banner('openapi/service.yaml')}\n${astToString(await openapiTS(serviceUrl, { defaultNonNullable: false }))}`,
  );
  console.log(`generated ${fileURLToPath(serviceOut)} (service document)`);
}
