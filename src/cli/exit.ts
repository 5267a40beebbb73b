import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticMeta } from '../pipeline/registry.js';
import { EXIT } from './context.js';

/**
 * The exit code a report's diagnostics make: 2 when the report could not be read as given (its
 * diagnostic says so: no lawreport.yaml, a file without permission), as for any usage or read
 * failure; 1 when it has errors (or warnings, with --strict); 0 otherwise.
 */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict = false): number {
  if (diagnostics.some((d) => d.severity === 'error' && diagnosticMeta(d.ruleId)?.readError)) return EXIT.usage;
  const n = countBySeverity(diagnostics);
  return n.error > 0 || (strict && n.warning > 0) ? EXIT.errors : EXIT.ok;
}
