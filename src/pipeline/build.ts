import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { runRules, applySeverities } from '../check/run.js';
import { compileReport, type ChapterCompiler } from '../compile/compile.js';
import type { SourceHost } from '../io/host.js';
import { loadReport, type LoadOptions } from '../load/report.js';
import type { Format, ReportDocument, ReportSource } from '../model.js';
import { renderers } from '../render/index.js';

export interface CheckResult {
  source?: ReportSource;
  document?: ReportDocument;
  diagnostics: Diagnostic[];
}

export interface CheckOptions extends LoadOptions {
  /** Compiles one chapter; the preview passes one that reuses unchanged chapters. */
  compileChapter?: ChapterCompiler;
}

/** load → validate → check → compile: everything but rendering. Never throws for bad input. */
export async function checkReport(host: SourceHost, builtins: SourceHost, options: CheckOptions = {}): Promise<CheckResult> {
  const loaded = await loadReport(host, builtins, options);
  if (!loaded.source) return { diagnostics: loaded.diagnostics };
  const source = loaded.source;
  const ruleDiagnostics = runRules(source);
  const compiled = await compileReport(source, options.compileChapter);
  const diagnostics = applySeverities([...loaded.diagnostics, ...compiled.diagnostics], source.config.rules).concat(ruleDiagnostics);
  return { source, document: compiled.document, diagnostics };
}

export interface BuildResult extends CheckResult {
  /** Rendered bytes by format; empty when there were errors (nothing is written then). */
  outputs: Map<Format, Uint8Array>;
}

/** The whole pipeline. Outputs exist only when no error was found. */
export async function buildReport(host: SourceHost, builtins: SourceHost, formats?: readonly Format[], options: LoadOptions = {}): Promise<BuildResult> {
  const checked = await checkReport(host, builtins, options);
  const outputs = new Map<Format, Uint8Array>();
  if (!checked.document || !checked.source || hasErrors(checked.diagnostics)) return { ...checked, outputs };
  for (const format of formats ?? checked.source.config.output.formats) {
    if (format === 'pdf') continue; // printed from the HTML by the CLI edge, which owns the browser
    const render = await renderers[format]();
    outputs.set(format, await render(checked.document));
  }
  return { ...checked, outputs };
}
