import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { runRules, applySeverities } from '../check/run.js';
import { rules } from '../check/rules/index.js';
import { compileReport, type ChapterCompiler } from '../compile/compile.js';
import type { SourceHost } from '../io/host.js';
import { loadReport, type LoadOptions } from '../load/report.js';
import type { Localized } from '../diagnostics/diagnostic.js';
import type { ReportDocument, ReportSource } from '../model.js';
import type { Session } from '../session.js';
import { DIAGNOSTICS, diagnosticMeta } from './registry.js';
import { DEFAULT_FORMATS, outputFormat, RendererUnavailable, type RenderOptions } from '../render/registry.js';

export interface CheckResult {
  source?: ReportSource;
  document?: ReportDocument;
  diagnostics: Diagnostic[];
}

export interface CheckOptions extends LoadOptions {
  /** Compiles one chapter; the preview passes one that reuses unchanged chapters. */
  compileChapter?: ChapterCompiler;
}

/**
 * load → validate → check → compile: everything but rendering. Bad input, a folder that is no
 * report at all included, comes back as diagnostics; what throws is a bug.
 */
export async function checkReport(host: SourceHost, session: Session, options: CheckOptions = {}): Promise<CheckResult> {
  const loaded = await loadReport(host, session, options);
  if (!loaded.source) return { diagnostics: loaded.diagnostics };
  const source = loaded.source;
  const ruleDiagnostics = runRules(source, rules, { known: DIAGNOSTICS, validators: session.validators, templates: session.templates, figureTerms: session.figureTerms });
  const compiled = await compileReport(source, options.compileChapter, session.templates);
  const diagnostics = applySeverities([...loaded.diagnostics, ...compiled.diagnostics], source.config.rules, diagnosticMeta).concat(ruleDiagnostics);
  return { source, document: compiled.document, diagnostics };
}

export interface BuildResult extends CheckResult {
  /** Rendered bytes by format id; empty when there were errors (nothing is written then). */
  outputs: Map<string, Uint8Array>;
  /** A format that cannot be made here (no browser for the PDF): nothing is written then either. */
  unavailable?: Localized;
}

export interface BuildOptions extends LoadOptions {
  /** What renderers may know of the environment (SOURCE_DATE_EPOCH, the browser). */
  render?: RenderOptions;
}

/** The whole pipeline. Outputs exist only when no error was found and every asked format could be made. */
export async function buildReport(host: SourceHost, session: Session, formats?: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const checked = await checkReport(host, session, options);
  const outputs = new Map<string, Uint8Array>();
  if (!checked.document || !checked.source || hasErrors(checked.diagnostics)) return { ...checked, outputs };
  for (const id of formats ?? checked.source.config.output.formats ?? DEFAULT_FORMATS) {
    const format = outputFormat(id);
    if (!format) throw new Error(`unknown output format ${id}`); // ids are checked by the schema and the CLI first
    try {
      outputs.set(id, await format.render(checked.document, { ...options.render, cache: session.renders }));
    } catch (error) {
      if (!(error instanceof RendererUnavailable)) throw error;
      return { ...checked, outputs: new Map(), unavailable: error.problem };
    }
  }
  return { ...checked, outputs };
}
