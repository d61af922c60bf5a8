// `npm run fuzz -- [--seed N] [--requests N] [--base-url URL] [--version v1|v2] [--operation id]`
import { parseArgs } from 'node:util';
import { summary } from './reporter.js';
import { fuzz } from './run.js';
import { startInProcessServer } from './server.js';
import { versions, type Version } from './spec-model.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    requests: { type: 'string', default: '2000' },
    'base-url': { type: 'string' },
    version: { type: 'string', multiple: true },
    operation: { type: 'string', multiple: true },
  },
});

const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const requests = Number(values.requests);
const chosen = (values.version ?? versions) as Version[];
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(requests) || requests < 1 || chosen.some((v) => !versions.includes(v))) {
  console.error(
    `usage: npm run fuzz -- [--seed <integer>] [--requests <n>] [--base-url <url>] ` +
      `[--version ${versions.join('|')}] [--operation <operationId>]`,
  );
  process.exit(2);
}
console.log(`seed: ${seed}`);

const server = values['base-url'] ? undefined : await startInProcessServer();
const baseUrl = values['base-url'] ?? server!.origin;
console.log(
  `fuzzing ${baseUrl}${server ? ' (in-process, fresh SQLite in memory, rate limits off)' : ''}: ${requests} requests per version`,
);
try {
  const report = await fuzz({ baseUrl, seed, requests, versions: chosen, operations: values.operation, log: (line) => console.log(line) });
  for (const line of summary(report)) console.log(line);
  process.exitCode = report.failures.length > 0 ? 1 : 0;
} finally {
  await server?.close();
}
