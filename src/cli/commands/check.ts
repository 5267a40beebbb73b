import { allRuleMetas } from '../../check/registry.js';
import { countBySeverity, FatalError } from '../../diagnostics/diagnostic.js';
import { checkReport } from '../../pipeline/build.js';
import { EXIT, type CliContext } from '../context.js';
import { assertFormatter } from '../format/index.js';
import { printDiagnostics } from '../print.js';
import { openReport } from '../report-dir.js';

export interface CheckOptions {
  format: string;
  strict?: boolean;
}

/** `lawreport check [dir]`: validation alone; exit 1 on any error (or warning with --strict). */
export async function checkCommand(ctx: CliContext, dir: string | undefined, options: CheckOptions): Promise<number> {
  assertFormatter(options.format);
  const report = await openReport(ctx.cwd, dir);
  let diagnostics;
  try {
    diagnostics = (await checkReport(report.host, report.builtins, report.load)).diagnostics;
  } catch (error) {
    // A folder that is no report still answers in the format CI asked for.
    if (!(error instanceof FatalError) || options.format === 'human') throw error;
    printDiagnostics(ctx, error.diagnostics, options.format, report.display, 'stdout', allRuleMetas());
    return error.exitCode;
  }
  printDiagnostics(ctx, diagnostics, options.format, report.display, 'stdout', allRuleMetas());
  const n = countBySeverity(diagnostics);
  return n.error > 0 || (options.strict && n.warning > 0) ? EXIT.errors : EXIT.ok;
}
