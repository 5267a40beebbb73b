import { checkReport } from '../../pipeline/build.js';
import { DIAGNOSTICS } from '../../pipeline/registry.js';
import { noConfig } from '../../load/report.js';
import type { CliContext } from '../context.js';
import { exitCodeFor } from '../exit.js';
import { withHeapSizedFor } from '../heap.js';
import { assertFormatter } from '../format/index.js';
import { printDiagnostics } from '../print.js';
import { stoppedEarly } from '../run-extent.js';
import { openReport } from '../report-dir.js';

export interface CheckOptions {
  format: string;
  strict?: boolean;
}

/** `lawreport check [dir]`: validation alone; exit 1 on any error (or warning with --strict), 2 when the report cannot be read. */
export async function checkCommand(ctx: CliContext, dir: string | undefined, options: CheckOptions): Promise<number> {
  assertFormatter(options.format);
  const report = await openReport(ctx.cwd, dir);
  // Whatever is wrong, a folder that is no report or a chapter that cannot be read included, is a
  // diagnostic: the output is always in the format CI asked for.
  // This process checks this one report and ends: its heap may be sized for it.
  const { source, diagnostics } = await withHeapSizedFor((onChaptersRead) => checkReport(report.host, report.session, { ...report.load, onChaptersRead }));
  // Nothing was checked: this run leaves no code cache (run-extent.ts).
  if (!source) stoppedEarly();
  // A folder that is no report at all is said on stderr, like a usage problem, unless a machine reads the output.
  const notAReport = !source && options.format === 'human' && diagnostics.some((d) => d.ruleId === noConfig.meta.id);
  printDiagnostics(ctx, diagnostics, options.format, report.display, notAReport ? 'stderr' : 'stdout', DIAGNOSTICS);
  return exitCodeFor(diagnostics, options.strict);
}
