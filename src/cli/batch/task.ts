import path from 'node:path';
import type { Diagnostic, Lang } from '../../diagnostics/diagnostic.js';
import { checkReport } from '../../pipeline/build.js';
import { buildFolder } from '../commands/build.js';
import { EXIT } from '../context.js';
import { exitCodeFor } from '../exit.js';
import { shownPath } from '../format/paths.js';
import { handleError } from '../errors.js';
import { openReport } from '../report-dir.js';
import type { Session } from '../../session.js';

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
}

export interface ReportOutcome {
  /** The folder as the user named it (relative to where they ran the command). */
  display: string;
  exitCode: number;
  diagnostics: Diagnostic[];
  written: string[];
  /** Why the report could not be processed at all (missing folder, not a report, I/O), as the single-folder command would print it. */
  failure?: string;
}

/**
 * Runs one report exactly as the single-folder command would, returning what it would have printed
 * as data. `session`: the worker's, shared by every report it takes.
 */
export async function runTask(task: ReportTask, session?: Session): Promise<ReportOutcome> {
  // As openReport names a folder, for the reports that fail before it could.
  const display = shownPath(task.cwd, path.resolve(task.cwd, task.dir));
  try {
    if (task.command === 'build') {
      const built = await buildFolder(task, task.dir, task.formats, task.out, session);
      return { display: built.display, exitCode: built.ok ? EXIT.ok : exitCodeFor(built.diagnostics), diagnostics: built.diagnostics, written: built.written };
    }
    const report = await openReport(task.cwd, task.dir, session);
    const { diagnostics } = await checkReport(report.host, report.session, report.load);
    return { display: report.display, exitCode: exitCodeFor(diagnostics, task.strict), diagnostics, written: [] };
  } catch (error) {
    let failure = '';
    const exitCode = handleError({ lang: task.lang, color: false, debug: false, stdout: () => {}, stderr: (s) => void (failure += s) }, error);
    return { display, exitCode, diagnostics: [], written: [], failure: failure.trim() };
  }
}
