import type { DiagnosticMeta } from '../diagnostics/definition.js';
import { toolVersion } from '../io/builtins-host.js';
import { dedupeDiagnostics, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CliContext } from './context.js';
import { formatters } from './format/index.js';

/** The post-processing chain (dedupe → sort), then the chosen formatter. */
export function printDiagnostics(
  ctx: Pick<CliContext, 'lang' | 'color' | 'stdout' | 'stderr'>,
  diagnostics: readonly Diagnostic[],
  format: string,
  base: string,
  to: 'stdout' | 'stderr' = 'stdout',
  rules?: readonly DiagnosticMeta[],
) {
  const formatter = formatters[format] ?? formatters.human!;
  const text = formatter(sortDiagnostics(dedupeDiagnostics(diagnostics)), { lang: ctx.lang, color: ctx.color && format === 'human', base, rules, version: format === 'sarif' ? toolVersion() : undefined });
  ctx[to](text);
}
