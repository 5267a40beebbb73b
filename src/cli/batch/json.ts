import { countBySeverity, dedupeDiagnostics, sortDiagnostics, type Lang } from '../../diagnostics/diagnostic.js';
import { jsonDiagnostic } from '../../diagnostics/json.js';
import { joinPath } from '../format/paths.js';
import type { ReportOutcome } from './task.js';

/**
 * `check --format json` over several reports: one record per report, the ones that pass included,
 * each with its diagnostics as a single-report check prints them (schemas/check-batch-output.schema.json).
 */
export function batchJson(outcomes: readonly ReportOutcome[], lang: Lang, packageUrl?: string): string {
  const reports = outcomes.map((o) => {
    const n = countBySeverity(o.diagnostics);
    return {
      folder: o.display,
      passed: o.exitCode === 0,
      exitCode: o.exitCode,
      errors: n.error,
      warnings: n.warning,
      infos: n.info,
      failure: o.failure ?? null,
      diagnostics: sortDiagnostics(dedupeDiagnostics(o.diagnostics)).map((d) => jsonDiagnostic(d, lang, (file) => joinPath(o.display, file), packageUrl)),
    };
  });
  return JSON.stringify({ reports }, null, 2) + '\n';
}
