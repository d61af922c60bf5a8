// `npm run docs`: self-contained HTML references of both versions in docs/ (git-ignored; DOCS_DIR
// elsewhere), from the served documents, rate limits included. They run the same Redoc bundle
// that GET /api/docs serves (the installed redoc package), so reviewers see the same page either
// way: the bundle is embedded as a data: URL and the document as JSON, so a file opens offline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { versions } from './versions.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const bundle = readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'));
const redocVersion = require('redoc/package.json').version;
const out = process.env.DOCS_DIR ?? join(root, 'docs');
mkdirSync(out, { recursive: true });

const page = (document) => `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="redoc ${redocVersion}">
  <title>${document.info.title} v${document.info.version}</title>
  <style>body { margin: 0; font-family: system-ui, sans-serif; }</style>
</head>
<body>
  <div id="redoc"></div>
  <script id="spec" type="application/json">${JSON.stringify(document).replace(/</g, '\\u003c')}</script>
  <script src="data:text/javascript;base64,${bundle.toString('base64')}"></script>
  <script>Redoc.init(JSON.parse(document.getElementById('spec').textContent), {}, document.getElementById('redoc'));</script>
</body>
</html>
`;

for (const version of versions) {
  const document = JSON.parse(readFileSync(join(root, 'generated', version, 'openapi.json'), 'utf8'));
  writeFileSync(join(out, `${version}.html`), page(document));
}
console.log(
  `${versions.map((v) => `${out}/${v}.html`).join(', ')} (Redoc ${redocVersion}, the bundle /api/docs serves) ` +
    `are self-contained: open them offline.`,
);
