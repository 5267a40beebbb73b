import path from 'node:path';
import { DIAGNOSTICS } from '../../pipeline/registry.js';
import { parseFormats } from '../commands/build.js';
import { EXIT, t, UsageError, type CliContext } from '../context.js';
import { assertFormatter } from '../format/index.js';
import { joinPath } from '../format/paths.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { cleanUpOnInterrupt } from '../interrupt.js';
import { printDiagnostics } from '../print.js';
import { expandReportDirs } from './expand.js';
import { batchOutDirs } from './out-dirs.js';
import { defaultJobs, runPool } from './pool.js';
import { progressBar } from './progress.js';
import { formatSummary } from './summary.js';
import type { ReportOutcome, ReportTask } from './task.js';

export interface BatchOptions {
  format?: string;
  out?: string;
  strict?: boolean;
  jobs?: string;
}

export interface BatchResult {
  /** The worst of the reports' exit codes (1 when any report has errors). */
  exitCode: number;
  /** One per report, in the order named: its folder, diagnostics and the output files it wrote (`written`). */
  outcomes: ReportOutcome[];
}

/**
 * `lawreport check|build a b c` or `… 'reports/*'`: every report in parallel, each exactly as the
 * single-folder command would handle it, then one summary of which reports fail which rules.
 * Exit code: the worst of the reports' (1 when any report has errors).
 */
export async function batchCommand(ctx: CliContext, command: ReportTask['command'], args: readonly string[], options: BatchOptions): Promise<number> {
  return (await runBatch(ctx, command, args, options)).exitCode;
}

/** The batch as data: what batchCommand prints, and the paths each build wrote (for an index of the outputs). */
export async function runBatch(ctx: CliContext, command: ReportTask['command'], args: readonly string[], options: BatchOptions): Promise<BatchResult> {
  const diagnosticsFormat = command === 'check' ? (options.format ?? 'human') : 'human';
  if (command === 'check') assertFormatter(diagnosticsFormat);
  const formats = command === 'build' && options.format ? parseFormats(options.format) : undefined;
  const jobs = parseJobs(options.jobs);
  const dirs = await expandReportDirs(ctx.cwd, args);
  const outDirs = options.out ? batchOutDirs(ctx.cwd, dirs, options.out) : undefined;
  const tasks: ReportTask[] = dirs.map((dir, i) => ({
    command,
    cwd: ctx.cwd,
    dir,
    lang: ctx.lang,
    env: ctx.env,
    formats,
    strict: options.strict,
    // Several reports into one --out folder: a sub-folder each, distinct by their paths, so equal titles cannot overwrite each other.
    out: outDirs?.[i],
  }));

  if (command === 'build') cleanUpOnInterrupt(ctx);
  const progress = progressBar(tasks.length, ctx.stderr, ctx.isTTY);
  const outcomes = await runPool(tasks, jobs, (o) => progress.tick(o.display));
  progress.clear();

  printOutcomes(ctx, command, outcomes, diagnosticsFormat);
  return { exitCode: Math.max(EXIT.ok, ...outcomes.map((o) => o.exitCode)), outcomes };
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
    for (const file of o.written) ctx.stdout(t(ctx, `已生成 ${path.relative(ctx.cwd, file)}\n`, `wrote ${path.relative(ctx.cwd, file)}\n`));
  }
  // Machine formats keep stdout parseable: the summary goes to stderr then.
  ctx[machine ? 'stderr' : 'stdout'](formatSummary(outcomes, ctx.lang, ctx.color));
}

function rebase(d: Diagnostic, base: string): Diagnostic {
  const moved = { ...d, file: joinPath(base, d.file) };
  if (d.related) moved.related = d.related.map((r) => ({ ...r, file: joinPath(base, r.file) }));
  return moved;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs 需要正整数，而不是“${value}”。`, `--jobs needs a positive whole number, not "${value}".`);
  return n;
}
