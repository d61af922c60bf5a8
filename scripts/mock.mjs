// `npm run mock`: Prism mock servers of the specs as they are on disk (v1 on 4010, v2 on 4011, the
// service document of the probes and docs on 4012), each restarted when its spec changes. Extra
// arguments go to Prism (e.g. `-- --dynamic`).
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const prism = `${root}node_modules/@stoplight/prism-cli/dist/index.js`;
const ports = {
  v1: Number(process.env.MOCK_V1_PORT ?? 4010),
  v2: Number(process.env.MOCK_V2_PORT ?? 4011),
  service: Number(process.env.MOCK_SERVICE_PORT ?? 4012),
};
const extra = process.argv.slice(2);
const running = {};

function start(version) {
  const child = spawn(
    process.execPath,
    [prism, 'mock', '-h', '127.0.0.1', '-p', String(ports[version]), ...extra, `${root}openapi/${version}.yaml`],
    { stdio: 'inherit' },
  );
  running[version] = child;
  console.log(`mock ${version}: http://127.0.0.1:${ports[version]} (openapi/${version}.yaml)`);
}

let timer;
watch(`${root}openapi`, (_event, file) => {
  const version = /^(v\d+|service)\.yaml$/.exec(file ?? '')?.[1];
  if (!version || !running[version]) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`openapi/${version}.yaml changed; restarting its mock`);
    running[version].once('exit', () => start(version));
    running[version].kill('SIGTERM');
  }, 200);
});
for (const version of Object.keys(ports)) start(version);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    Object.values(running).forEach((c) => c.kill('SIGTERM'));
    process.exit(0);
  });
