// What a run prints: the seed first, failures as they are found, a summary line per version.
import type { FuzzReport, VersionReport } from './run.js';

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

export function summaryLine(r: VersionReport): string {
  const { setup = 0, ...kinds } = r.byKind;
  const rate = r.seconds > 0 ? Math.round((r.sent + setup) / r.seconds) : 0;
  return (
    `${r.version}: ${r.sent} requests (${list(kinds)}; setup ${setup}) in ${r.seconds.toFixed(1)} s, ${rate}/s; ` +
    `by operation: ${list(r.byOperation)}; failures: ${r.failures.length}`
  );
}

export const summary = (report: FuzzReport): string[] => [
  ...report.versions.map(summaryLine),
  `seed ${report.seed}: ${report.failures.length} failure(s)`,
];
