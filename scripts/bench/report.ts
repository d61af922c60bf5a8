// Writes one section of BENCHMARKS.md, keeping the others, with the machine and the command.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const file = 'BENCHMARKS.md';

export function writeSection(title: string, command: string, body: string): void {
  const machine =
    `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const section = `## ${title}\n\nMeasured on ${machine}. Reproduce with \`${command}\`.\n\n${body}\n`;
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures from `npm run bench*` on the project machine; each section says how to reproduce it.\n';
  const parts = current.split(/(?=^## )/m);
  const index = parts.findIndex((p) => p.startsWith(`## ${title}\n`));
  if (index >= 0) parts[index] = section;
  else parts.push(section);
  writeFileSync(file, parts.map((p) => p.trimEnd()).join('\n\n') + '\n');
}
