import { DEFAULT_SUMMARY_FORMATS } from '../../summary/formats.js';
import { reportTasks, runReports } from '../batch/command.js';
import { defaultJobs } from '../batch/pool.js';
import { expandReportDirs } from '../batch/expand.js';
import { formatSummary } from '../batch/summary.js';
import { EXIT, t, type CliContext } from '../context.js';
import { shownPath } from '../format/paths.js';
import { cleanUpOnInterrupt } from '../interrupt.js';
import { printDiagnostics } from '../print.js';
import { parseSummaryFormats, summaryTarget, writeSummary } from '../summary-output.js';

export interface SummaryCommandOptions {
  out?: string;
  format?: string;
  /** -j, already checked by its option's parser. */
  jobs?: number;
  strict?: boolean;
}

/**
 * `lawreport summary <folders or glob>`: checks every report like a batch check, then writes the
 * district's summary (compliance, figures with totals, problems). A report that fails is a row of
 * the summary, not a failure of the command: the exit code is 0 once the summary is written.
 */
export async function summaryCommand(ctx: CliContext, args: readonly string[], options: SummaryCommandOptions): Promise<number> {
  const formats = options.format ? parseSummaryFormats(options.format) : [...DEFAULT_SUMMARY_FORMATS];
  const jobs = options.jobs ?? defaultJobs();
  const target = summaryTarget(ctx.cwd, options.out);
  const dirs = await expandReportDirs(ctx.cwd, args);
  cleanUpOnInterrupt(ctx);
  const outcomes = await runReports(ctx, reportTasks(ctx, 'check', dirs, { strict: options.strict, record: true }), jobs);
  const { written, input } = await writeSummary(ctx, outcomes.map((o) => o.record!), target, formats);
  // Each report's problems are in the summary's 问题 view; the terminal gets the overview.
  if (input.district.warnings.length > 0) printDiagnostics(ctx, input.district.warnings, 'human', '', 'stderr');
  ctx.stdout(formatSummary(outcomes, ctx.lang, ctx.color));
  for (const file of written) ctx.stdout(t(ctx, `已生成 ${shownPath(ctx.cwd, file)}\n`, `wrote ${shownPath(ctx.cwd, file)}\n`));
  return EXIT.ok;
}
