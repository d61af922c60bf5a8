import { createRequire } from 'node:module';
import type { RequestHandler } from 'express';
import { versionNames } from '../../generated/version-names.js';
import { badRequest } from '../domain/errors.js';

const redocBundle = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
/** The version numbers, `1`, `2`, …, as `?version=` takes them. */
const versions: string[] = versionNames.map((name) => name.slice(1));

const page = (version: string) => `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Users and Posts API v${version}</title>
  <style>
    body { margin: 0; font-family: system-ui, sans-serif; }
    nav { padding: 8px 16px; border-bottom: 1px solid #ddd; }
    nav a { margin-right: 12px; }
    nav a[aria-current] { font-weight: bold; text-decoration: none; color: inherit; }
  </style>
</head>
<body>
  <nav aria-label="API version">${versions
    .map((v) => `<a href="/api/docs?version=${v}"${v === version ? ' aria-current="page"' : ''}>v${v}</a>`)
    .join('')}</nav>
  <redoc spec-url="/api/v${version}/openapi.json"></redoc>
  <script src="/api/docs/redoc.standalone.js"></script>
</body>
</html>
`;

// Everything comes from this server. Redoc's sidebar would fetch its attribution logo from a CDN;
// the policy stops that in the browser, so the page makes no request beyond this server even offline.
const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `GET /api/docs`: Redoc for one version, with a switch; every asset from this server, none from a CDN. */
export const apiDocs: RequestHandler = (req, res) => {
  const version = req.query.version ?? '2';
  if (typeof version !== 'string' || !versions.includes(version)) {
    throw badRequest('The request has invalid parameters.', { version: [`must be one of ${versions.join(', ')}`] });
  }
  res.set('Content-Security-Policy', contentSecurityPolicy).type('html').send(page(version));
};

/** `GET /api/docs/redoc.standalone.js`: the bundle of the installed redoc package. */
export const redocScript: RequestHandler = (_req, res) => {
  res.type('application/javascript').sendFile(redocBundle, { maxAge: '1d' });
};

/** `GET /openapi.json` (getServiceDocument): the document of the endpoints at the root, the probes and these docs. */
export const serviceDocumentHandler =
  (document: object): RequestHandler =>
  (_req, res) => {
    res.json(document);
  };
