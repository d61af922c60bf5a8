// Deprecation from the spec: the Deprecation (RFC 9745), Sunset (RFC 8594) and Link headers of
// each deprecated operation, computed once by `npm run generate` into the route table.
//
// An operation is deprecated by `deprecated: true` with `x-deprecated-at` (when, for the
// Deprecation header), an optional `x-sunset` (when it stops answering) and an optional
// `x-deprecation-link` (a migration guide). A whole version is deprecated by the same three
// extensions in `info`; every operation of it must then say `deprecated: true` too, so Redoc and
// generated clients show it, and takes the version's dates unless it names its own.

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** `2027-06-30` (midnight UTC) or an RFC 3339 date-time → a Date; anything else stops generation naming where it stands. */
function parseDate(value, where, name) {
  const text = value instanceof Date ? value.toISOString() : value;
  const fail = () => {
    throw new Error(
      `${where} ${name}: malformed date ${JSON.stringify(value)}; ` +
        `write it as YYYY-MM-DD (midnight UTC) or an RFC 3339 date-time, e.g. "2027-06-30"`,
    );
  };
  if (typeof text !== 'string') fail();
  const day = dateOnly.exec(text);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    // 2027-02-30 rolls over into March: not a date.
    if (date.toISOString().slice(0, 10) !== text) fail();
    return date;
  }
  if (!dateTime.test(text) || Number.isNaN(Date.parse(text))) fail();
  return new Date(text);
}

/** A URI reference that fits between `<` and `>` of a Link header. */
function parseLink(value, where) {
  if (typeof value !== 'string' || value === '' || /[\s<>"]/.test(value)) {
    throw new Error(`${where} x-deprecation-link: ${JSON.stringify(value)} is not a URI reference (no spaces, quotes or angle brackets)`);
  }
  return value;
}

const extensions = ['x-deprecated-at', 'x-sunset', 'x-deprecation-link'];
const has = (node) => extensions.some((name) => node?.[name] !== undefined);

/** The three headers of one deprecation. */
function headersOf(marker, where) {
  if (marker['x-deprecated-at'] === undefined) {
    throw new Error(`${where}: a deprecation needs x-deprecated-at, the date it was deprecated (for the Deprecation header, RFC 9745)`);
  }
  const at = parseDate(marker['x-deprecated-at'], where, 'x-deprecated-at');
  const headers = { Deprecation: `@${Math.floor(at.getTime() / 1000)}` };
  if (marker['x-sunset'] !== undefined) {
    const sunset = parseDate(marker['x-sunset'], where, 'x-sunset');
    if (sunset.getTime() <= at.getTime()) {
      throw new Error(
        `${where} x-sunset: ${JSON.stringify(marker['x-sunset'])} is not after x-deprecated-at ` +
          `${JSON.stringify(marker['x-deprecated-at'])}; the sunset comes after the deprecation`,
      );
    }
    headers.Sunset = sunset.toUTCString();
  }
  if (marker['x-deprecation-link'] !== undefined) {
    const link = parseLink(marker['x-deprecation-link'], where);
    headers.Link = [
      `<${link}>; rel="deprecation"; type="text/html"`,
      ...(headers.Sunset ? [`<${link}>; rel="sunset"; type="text/html"`] : []),
    ].join(', ');
  }
  return headers;
}

/** Follows a local `$ref`. */
function resolve(document, node) {
  if (!node?.$ref) return node;
  const target = node.$ref
    .slice(2)
    .split('/')
    .reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return resolve(document, target);
}

/**
 * operationId → the headers every response of that deprecated operation carries; operations that
 * are not deprecated are left out. `operations` are the routed operations of the document. Throws,
 * naming the spec and the operation, on a malformed or contradictory marker, and when a response
 * of a deprecated operation does not declare the headers it will carry.
 */
export function deprecations(version, document, operations) {
  const spec = `openapi/${version}.yaml`;
  const info = document.info ?? {};
  const versionWide = has(info) ? headersOf(info, `${spec} info`) : undefined;
  const out = {};
  for (const op of operations) {
    const where = `${spec} ${op.operationId}`;
    if (op.deprecated !== undefined && typeof op.deprecated !== 'boolean') throw new Error(`${where} deprecated: must be true or false`);
    if (versionWide && op.deprecated !== true) {
      throw new Error(
        `${where}: info deprecates the whole version, so mark the operation deprecated: true too ` +
          `(Redoc and generated clients read it there)`,
      );
    }
    if (has(op) && op.deprecated !== true)
      throw new Error(`${where}: ${extensions.filter((n) => op[n] !== undefined).join(', ')} without deprecated: true`);
    if (op.deprecated !== true) continue;
    // The operation's own dates and link win over the version's.
    const marker = {
      ...Object.fromEntries(extensions.map((n) => [n, info[n]])),
      ...Object.fromEntries(extensions.filter((n) => op[n] !== undefined).map((n) => [n, op[n]])),
    };
    const headers = headersOf(marker, where);
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const declared = Object.keys(resolve(document, response)?.headers ?? {});
      const missing = Object.keys(headers).filter((name) => !declared.some((d) => d.toLowerCase() === name.toLowerCase()));
      if (missing.length > 0) {
        throw new Error(
          `${where} ${status}: a deprecated operation's responses carry ${missing.join(', ')}; ` +
            `declare ${missing.length > 1 ? 'them' : 'it'} on the response (components/headers Deprecation, Sunset, DeprecationLink)`,
        );
      }
    }
    out[op.operationId] = headers;
  }
  return out;
}
