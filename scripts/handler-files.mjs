// Every operation has its handler file and every handler file its operation: src/handlers/<version>/
// holds one <operationId>.ts per operation of openapi/<version>.yaml and nothing else. `npm run
// generate` stops on a mismatch, naming it, before writing a handler map that would not compile
// (a missing file) or leaving a stray file unserved and unnoticed.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const handlers = 'src/handlers';

/**
 * The mismatches between the operations of each version and the files under `<root>/src/handlers`,
 * one message each, naming the file or operation; empty when they agree. `operations` maps a
 * version to its operationIds.
 */
export function handlerFileMismatches(operations, root = process.cwd()) {
  const problems = [];
  const list = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir), { withFileTypes: true }) : []);
  for (const folder of list(handlers)
    .filter((e) => e.isDirectory())
    .map((e) => e.name)) {
    if (!(folder in operations)) problems.push(`${handlers}/${folder}/ belongs to no version: there is no openapi/${folder}.yaml`);
  }
  for (const [version, operationIds] of Object.entries(operations)) {
    const dir = `${handlers}/${version}`;
    const files = list(dir)
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => e.name);
    const handled = new Set(files.map((f) => f.slice(0, -'.ts'.length)));
    const declared = new Set(operationIds);
    for (const id of operationIds) {
      if (!handled.has(id)) problems.push(`openapi/${version}.yaml operation ${id} has no handler: write ${dir}/${id}.ts exporting ${id}`);
    }
    for (const file of files) {
      const id = file.slice(0, -'.ts'.length);
      if (!declared.has(id))
        problems.push(`${dir}/${file} handles no operation of openapi/${version}.yaml: name it after an operationId, or remove it`);
    }
  }
  return problems;
}
