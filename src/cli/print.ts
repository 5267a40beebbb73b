import type { DiagnosticMeta } from '../diagnostics/definition.js';
import { packageUrl, toolVersion } from '../io/builtins-host.js';
import { dedupeDiagnostics, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CliContext } from './context.js';
import { formatters } from './format/index.js';

/** --quiet: errors and warnings only, without their hints (in every format). */
function quieted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity !== 'info').map(({ hint: _, ...d }) => d);
}

/** The post-processing chain (quiet → dedupe → sort), then the chosen formatter. */
export function printDiagnostics(
  ctx: Pick<CliContext, 'lang' | 'color' | 'stdout' | 'stderr'> & { quiet?: boolean },
  diagnostics: readonly Diagnostic[],
  format: string,
  base: string,
  to: 'stdout' | 'stderr' = 'stdout',
  rules?: readonly DiagnosticMeta[],
) {
  const formatter = formatters[format] ?? formatters.human!;
  const shown = ctx.quiet ? quieted(diagnostics) : diagnostics;
  const text = formatter(sortDiagnostics(dedupeDiagnostics(shown)), { lang: ctx.lang, color: ctx.color && format === 'human', base, rules, version: format === 'sarif' ? toolVersion() : undefined, packageUrl: packageUrl() });
  ctx[to](text);
}
