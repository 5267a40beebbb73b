import path from 'node:path';
import type { Diagnostic, Lang } from '../../diagnostics/diagnostic.js';
import { checkReport } from '../../pipeline/build.js';
import { buildFolder } from '../commands/build.js';
import { EXIT } from '../context.js';
import { exitCodeFor } from '../exit.js';
import { handleError } from '../errors.js';
import { joinPath, shownPath } from '../format/paths.js';
import { openReport } from '../report-dir.js';
import type { Session } from '../../session.js';
import { failedRecord, reportRecord, type ReportRecord } from '../../summary/record.js';

/** One report of a batch: plain data, so it crosses to a worker thread as a message. */
export interface ReportTask {
  command: 'check' | 'build';
  cwd: string;
  dir: string;
  lang: Lang;
  /** The environment the command ran with (PDF printing reads its browser settings from it). */
  env: NodeJS.ProcessEnv;
  /** build: the formats to write (default: the report's own list). */
  formats?: string[];
  /** build: the output folder for this report (default: its output.dir). */
  out?: string;
  /** check: warnings fail too. */
  strict?: boolean;
  /** Also return the report's record for the district summary (chapters, figures). */
  record?: boolean;
}

export interface ReportOutcome {
  /** The folder as the user named it (relative to where they ran the command). */
  display: string;
  exitCode: number;
  diagnostics: Diagnostic[];
  written: string[];
  /** Why the report could not be processed at all (missing folder, not a report, I/O), as the single-folder command would print it. */
  failure?: string;
  /** When the task asked for it. */
  record?: ReportRecord;
  /** The run stopped before its command's usual work (a build refused for errors, no report): a worker's code cache waits for a report that did not (serve.ts, run-extent.ts). */
  stoppedEarly?: boolean;
}

/**
 * Runs one report exactly as the single-folder command would, returning what it would have printed
 * as data. `session`: the worker's, shared by every report it takes.
 */
export async function runTask(task: ReportTask, session?: Session): Promise<ReportOutcome> {
  const display = displayOf(task);
  try {
    if (task.command === 'build') {
      const built = await buildFolder(task, task.dir, task.formats, task.out, session);
      const outcome = { display: built.display, exitCode: built.ok ? EXIT.ok : exitCodeFor(built.diagnostics), diagnostics: built.diagnostics, written: built.written, ...(built.ok ? {} : { stoppedEarly: true }) };
      return task.record ? { ...outcome, record: record(task, built.display, built) } : outcome;
    }
    const report = await openReport(task.cwd, task.dir, session);
    const checked = await checkReport(report.host, report.session, report.load);
    const outcome = { display: report.display, exitCode: exitCodeFor(checked.diagnostics, task.strict), diagnostics: checked.diagnostics, written: [], ...(checked.source ? {} : { stoppedEarly: true }) };
    return task.record ? { ...outcome, record: record(task, report.display, checked) } : outcome;
  } catch (error) {
    let failure = '';
    const exitCode = handleError({ lang: task.lang, color: false, debug: false, stdout: () => {}, stderr: (s) => void (failure += s) }, error);
    return failedOutcome(task, display, exitCode, failure.trim());
  }
}

/**
 * A report that could not be processed at all: its failure, and, when the task asked for a record,
 * one that says so, so that the summary and the index still list it (every outcome a summary is
 * drawn from carries a record, whatever ended its report).
 */
function failedOutcome(task: ReportTask, display: string, exitCode: number, failure: string): ReportOutcome {
  const outcome = { display, exitCode, diagnostics: [], written: [], failure, stoppedEarly: true };
  return task.record ? { ...outcome, record: failedRecord(display, failure) } : outcome;
}

/** The report as the summary sees it, paths as seen from where the command ran. */
function record(task: ReportTask, display: string, checked: Parameters<typeof reportRecord>[1]): ReportRecord {
  return reportRecord(display, checked, { lang: task.lang, strict: task.strict, file: (p) => joinPath(display, p) });
}

/** The folder as openReport names it, for the reports that fail before it could. */
function displayOf(task: ReportTask): string {
  return shownPath(task.cwd, path.resolve(task.cwd, task.dir));
}

/** The outcome of a report the batch gave up after `limit` ms: the others go on, and the summary says which. */
export function timedOut(task: ReportTask, limit: number): ReportOutcome {
  const seconds = Math.round(limit / 1000);
  const failure = task.lang === 'zh'
    ? `超过 ${seconds} 秒仍未处理完，已放弃这份报告（其余报告照常处理）。请单独运行 lawreport ${task.command} ${task.dir} 查看原因。`
    : `Not finished after ${seconds} s: this report was given up (the others went on). Run lawreport ${task.command} ${task.dir} on its own to see why.`;
  return failedOutcome(task, displayOf(task), EXIT.usage, failure);
}

/** The outcome of a report whose worker thread failed twice while holding it (out of memory, say). */
export function crashed(task: ReportTask): ReportOutcome {
  const failure = task.lang === 'zh'
    ? `处理这份报告的线程两次意外终止（可能是内存不足），已放弃。请单独运行 lawreport ${task.command} ${task.dir} 查看原因。`
    : `The thread processing this report ended unexpectedly twice (out of memory?); it was given up. Run lawreport ${task.command} ${task.dir} on its own to see why.`;
  return failedOutcome(task, displayOf(task), EXIT.usage, failure);
}
