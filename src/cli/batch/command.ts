import path from 'node:path';
import { DIAGNOSTICS } from '../../pipeline/registry.js';
import { parseFormats } from '../commands/build.js';
import { EXIT, t, type CliContext } from '../context.js';
import { assertFormatter } from '../format/index.js';
import { joinPath, shownPath } from '../format/paths.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { cleanUpOnInterrupt } from '../interrupt.js';
import { printDiagnostics } from '../print.js';
import { expandReportDirs } from './expand.js';
import { defaultJobs, runPool } from './pool.js';
import { progressBar } from './progress.js';
import { formatSummary } from './summary.js';
import type { ReportOutcome, ReportTask } from './task.js';

export interface BatchOptions {
  format?: string;
  out?: string;
  strict?: boolean;
  /** -j, already checked by its option's parser. */
  jobs?: number;
}

/**
 * `lawreport check|build a b c` or `… 'reports/*'`: every report in parallel, each exactly as the
 * single-folder command would handle it, then one summary of which reports fail which rules.
 * Exit code: the worst of the reports' (1 when any report has errors).
 */
export async function batchCommand(ctx: CliContext, command: ReportTask['command'], args: readonly string[], options: BatchOptions): Promise<number> {
  const diagnosticsFormat = command === 'check' ? (options.format ?? 'human') : 'human';
  if (command === 'check') assertFormatter(diagnosticsFormat);
  const formats = command === 'build' && options.format ? parseFormats(options.format) : undefined;
  const jobs = options.jobs ?? defaultJobs();
  const dirs = await expandReportDirs(ctx.cwd, args);
  const tasks: ReportTask[] = dirs.map((dir) => ({
    command,
    cwd: ctx.cwd,
    dir,
    lang: ctx.lang,
    env: ctx.env,
    formats,
    strict: options.strict,
    // Several reports into one --out folder: one sub-folder each, so equal titles cannot overwrite each other.
    out: options.out ? path.join(path.resolve(ctx.cwd, options.out), path.basename(path.resolve(ctx.cwd, dir))) : undefined,
  }));

  if (command === 'build') cleanUpOnInterrupt(ctx);
  const progress = progressBar(tasks.length, ctx.stderr, ctx.isTTY);
  const outcomes = await runPool(tasks, jobs, (o) => progress.tick(o.display));
  progress.clear();

  printOutcomes(ctx, command, outcomes, diagnosticsFormat);
  return Math.max(EXIT.ok, ...outcomes.map((o) => o.exitCode));
}

function printOutcomes(ctx: CliContext, command: ReportTask['command'], outcomes: readonly ReportOutcome[], format: string) {
  // One list of diagnostics with paths as seen from the current folder, so every formatter
  // (human, json, …) prints a batch the way it prints a single report.
  const all = outcomes.flatMap((o) => o.diagnostics.map((d) => rebase(d, o.display)));
  const machine = format !== 'human';
  const to = command === 'build' ? 'stderr' : 'stdout';
  if (all.length > 0 || machine) printDiagnostics(ctx, all, format, '', to, DIAGNOSTICS);
  for (const o of outcomes) {
    if (o.failure) ctx.stderr(`${o.display}: ${o.failure}\n`);
    for (const file of o.written) ctx.stdout(t(ctx, `已生成 ${shownPath(ctx.cwd, file)}\n`, `wrote ${shownPath(ctx.cwd, file)}\n`));
  }
  // Machine formats keep stdout parseable: the summary goes to stderr then.
  ctx[machine ? 'stderr' : 'stdout'](formatSummary(outcomes, ctx.lang, ctx.color));
}

function rebase(d: Diagnostic, base: string): Diagnostic {
  const moved = { ...d, file: joinPath(base, d.file) };
  if (d.related) moved.related = d.related.map((r) => ({ ...r, file: joinPath(base, r.file) }));
  return moved;
}
