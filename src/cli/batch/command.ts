import path from 'node:path';
import { DIAGNOSTICS } from '../../pipeline/registry.js';
import { indexPage, type IndexLink } from '../../summary/index-page.js';
import { DEFAULT_SUMMARY_FORMATS } from '../../summary/formats.js';
import { parseFormats } from '../commands/build.js';
import { EXIT, t, type CliContext } from '../context.js';
import { assertFormatter } from '../format/index.js';
import { joinPath, shownPath } from '../format/paths.js';
import { relocate } from '../../diagnostics/diagnostic.js';
import { packageUrl } from '../../io/builtins-host.js';
import { cleanUpOnInterrupt } from '../interrupt.js';
import { printDiagnostics } from '../print.js';
import { SUMMARY_BASE, writeSummary } from '../summary-output.js';
import { checkOutputDir } from '../write-outputs.js';
import { expandReportDirs } from './expand.js';
import { batchJson } from './json.js';
import { batchOutDirs } from './out-dirs.js';
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
 * `build -o out` also writes the district summary and out/index.html linking every output.
 * Exit code: the worst of the reports' (1 when any report has errors).
 */
export async function batchCommand(ctx: CliContext, command: ReportTask['command'], args: readonly string[], options: BatchOptions): Promise<number> {
  const diagnosticsFormat = command === 'check' ? (options.format ?? 'human') : 'human';
  if (command === 'check') assertFormatter(diagnosticsFormat);
  const formats = command === 'build' && options.format ? parseFormats(options.format) : undefined;
  const jobs = options.jobs ?? defaultJobs();
  const dirs = await expandReportDirs(ctx.cwd, args);
  const outDir = options.out ? path.resolve(ctx.cwd, options.out) : undefined;
  // An -o that is one report's folder, or lies in its chapters/ or templates/, would take the
  // others' outputs, the summary and the index among that report's sources: refused before any work.
  if (command === 'build' && outDir) await Promise.all(dirs.map((dir) => checkOutputDir(path.resolve(ctx.cwd, dir), outDir)));
  // Several reports into one --out folder: a sub-folder each, distinct by their paths, so equal titles cannot overwrite each other.
  const outDirs = outDir === undefined ? undefined : ((dirsOut) => new Map(dirs.map((dir, i) => [dir, dirsOut[i]!])))(batchOutDirs(ctx.cwd, dirs, outDir));
  const tasks = reportTasks(ctx, command, dirs, {
    formats,
    strict: options.strict,
    out: outDirs && ((dir) => outDirs.get(dir)!),
    record: command === 'build' && outDir !== undefined,
  });

  if (command === 'build') cleanUpOnInterrupt(ctx);
  const outcomes = await runReports(ctx, tasks, jobs);

  printOutcomes(ctx, command, outcomes, diagnosticsFormat);
  if (command === 'build' && outDir) {
    for (const file of await writeBuildIndex(ctx, outDir, outcomes)) ctx.stdout(t(ctx, `已生成 ${shownPath(ctx.cwd, file)}\n`, `wrote ${shownPath(ctx.cwd, file)}\n`));
  }
  return Math.max(EXIT.ok, ...outcomes.map((o) => o.exitCode));
}

/** The tasks of a batch: one per folder, all with the command's options. */
export function reportTasks(
  ctx: CliContext,
  command: ReportTask['command'],
  dirs: readonly string[],
  options: { formats?: string[]; strict?: boolean; out?: (dir: string) => string; record?: boolean },
): ReportTask[] {
  return dirs.map((dir) => ({
    command,
    cwd: ctx.cwd,
    dir,
    lang: ctx.lang,
    env: ctx.env,
    formats: options.formats,
    strict: options.strict,
    out: options.out?.(dir),
    record: options.record,
  }));
}

/** Runs the tasks on the pool, with a progress bar on a terminal. */
export async function runReports(ctx: CliContext, tasks: readonly ReportTask[], jobs: number): Promise<ReportOutcome[]> {
  const progress = progressBar(tasks.length, ctx.stderr, ctx.isTTY);
  const outcomes = await runPool(tasks, jobs, (o) => progress.tick(o.display));
  progress.clear();
  return outcomes;
}

function printOutcomes(ctx: CliContext, command: ReportTask['command'], outcomes: readonly ReportOutcome[], format: string) {
  const machine = format !== 'human';
  const to = command === 'build' ? 'stderr' : 'stdout';
  if (format === 'json') {
    // One record per report, the ones that pass included.
    ctx.stdout(batchJson(outcomes, ctx.lang, packageUrl()));
  } else {
    // One list of diagnostics with paths as seen from the current folder, so every formatter
    // (human, github, sarif) prints a batch the way it prints a single report.
    const all = outcomes.flatMap((o) => o.diagnostics.map((d) => relocate(d, (file) => joinPath(o.display, file))));
    if (all.length > 0 || machine) printDiagnostics(ctx, all, format, '', to, DIAGNOSTICS);
  }
  for (const o of outcomes) {
    if (o.failure) ctx.stderr(`${o.display}: ${o.failure}\n`);
    for (const file of o.written) ctx.stdout(t(ctx, `已生成 ${shownPath(ctx.cwd, file)}\n`, `wrote ${shownPath(ctx.cwd, file)}\n`));
  }
  // Machine formats keep stdout parseable: the summary goes to stderr then.
  ctx[machine ? 'stderr' : 'stdout'](formatSummary(outcomes, ctx.lang, ctx.color));
}

/**
 * out/汇总.xlsx, out/汇总.html and out/index.html, linking every report's outputs (the files the
 * build reports it wrote, never paths worked out again here) and the summary.
 */
async function writeBuildIndex(ctx: CliContext, outDir: string, outcomes: readonly ReportOutcome[]): Promise<string[]> {
  const href = (file: string) => path.relative(outDir, file).split(path.sep).map(encodeURIComponent).join('/');
  const linkTo = (file: string): IndexLink => ({ href: href(file), text: path.relative(outDir, file).split(path.sep).join('/') });
  const records = outcomes.map((o) => o.record!);
  const { written } = await writeSummary(ctx, records, { dir: outDir, base: SUMMARY_BASE }, DEFAULT_SUMMARY_FORMATS, (input, summaryFiles) => [
    [
      path.join(outDir, 'index.html'),
      indexPage(
        input.title,
        outcomes.map((o, i) => ({
          folder: o.display,
          ...(records[i]!.org ? { org: records[i]!.org } : {}),
          ...(records[i]!.year !== undefined ? { year: records[i]!.year } : {}),
          passed: o.exitCode === EXIT.ok,
          errors: records[i]!.counts.error,
          warnings: records[i]!.counts.warning,
          ...(o.failure ? { failure: o.failure } : {}),
          files: o.written.map(linkTo),
        })),
        summaryFiles.map(linkTo),
        ctx.lang,
      ),
    ],
  ]);
  return written;
}
