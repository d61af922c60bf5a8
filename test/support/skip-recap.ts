// A vitest reporter that ends every run with one recap of what did not run in full: each file with
// skipped tests, per project, and why (the NOTICE lines the file printed), and each file that ran
// in a reduced form (a NOTICE but nothing skipped). A skip without a NOTICE says that it has none.
import type { Reporter, TestModule, Vitest } from 'vitest/node';

type UserConsoleLog = Parameters<NonNullable<Reporter['onUserConsoleLog']>>[0];

const noticeOf = (content: string) => [...content.matchAll(/^NOTICE: (.+)$/gm)].map((m) => (m[1] as string).trim());

export default class SkipRecap implements Reporter {
  private vitest: Vitest | undefined;
  /** NOTICE lines by test file, in the order they came. */
  private notices = new Map<string, Set<string>>();

  onInit(vitest: Vitest) {
    this.vitest = vitest;
    this.notices.clear();
  }

  onUserConsoleLog(log: UserConsoleLog) {
    const lines = noticeOf(log.content);
    if (lines.length === 0) return;
    const entity = log.taskId ? this.vitest?.state.getReportedEntityById(log.taskId) : undefined;
    const file = entity ? (entity.type === 'module' ? entity.relativeModuleId : entity.module.relativeModuleId) : 'outside any test file';
    const known = this.notices.get(file) ?? new Set<string>();
    lines.forEach((l) => known.add(l));
    this.notices.set(file, known);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const projects = this.vitest?.projects.map((p) => p.name) ?? [];
    const skipped = new Map<string, { projects: Map<string, number> }>();
    for (const module of testModules) {
      const count = [...module.children.allTests('skipped')].length;
      if (count === 0) continue;
      const entry = skipped.get(module.relativeModuleId) ?? { projects: new Map<string, number>() };
      entry.projects.set(module.project.name, (entry.projects.get(module.project.name) ?? 0) + count);
      skipped.set(module.relativeModuleId, entry);
    }
    const lines: string[] = [];
    if (!process.env.TEST_POSTGRES_URL && !projects.includes('postgres')) {
      lines.push('  the postgres project: not run, because TEST_POSTGRES_URL is not set (the contract suite ran on SQLite only)');
    }
    for (const [file, { projects: counts }] of [...skipped].sort(([a], [b]) => a.localeCompare(b))) {
      const where = [...counts].map(([project, n]) => `${n} in ${project}`).join(', ');
      const why = [...(this.notices.get(file) ?? [])];
      lines.push(`  ${file}: ${where} skipped: ${why.length ? why.join('; ') : 'no NOTICE says why'}`);
    }
    const reduced = [...this.notices].filter(([file]) => !skipped.has(file)).sort(([a], [b]) => a.localeCompare(b));
    for (const [file, why] of reduced) lines.push(`  ${file}: ran, but ${[...why].join('; ')}`);
    const out = this.vitest?.logger ?? console;
    if (lines.length === 0) out.log('\nSkipped: nothing; every test ran in full.\n');
    else out.log(`\nWhat did not run in full (and why):\n${lines.join('\n')}\n`);
  }
}
