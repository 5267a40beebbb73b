import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticMeta } from '../diagnostics/definition.js';
import type { ConfigField, ReportSource } from '../model.js';
import type { Validators } from '../validate/schema.js';
import type { SourceViews } from './views.js';

/** A rule's meta: what every diagnostic id has (src/diagnostics/definition.ts), plus the options it takes. */
export interface RuleMeta extends DiagnosticMeta {
  /**
   * The options `rule-id: [level, {…}]` in lawreport.yaml may give: a JSON Schema of the options
   * object and the values used for what it leaves out. A rule without it takes no options.
   */
  options?: { schema: object; defaults: Record<string, unknown> };
  /** Keys of lawreport.yaml the rule judges by: it is skipped while one is unset (config-schema reports that). */
  needs?: readonly ConfigField[];
}

/** What a rule reports: a diagnostic without id, severity and docs url, which the runner stamps on. */
export type Finding = Omit<Diagnostic, 'ruleId' | 'severity' | 'url'>;

/** The sources a rule reads: the loaded report without its host (no I/O in a rule) and without the report-level templates. */
export type RuleSource = Omit<ReportSource, 'host' | 'templates'>;

export interface RuleContext<Options = Record<string, unknown>> {
  source: RuleSource;
  /** Parsed views of the sources (outlines, prose blocks, stated figures), made once per run for every rule. */
  views: SourceViews;
  /** The rule's options: lawreport.yaml's, checked against its schema, over its defaults. */
  options: Options;
  /** Every registered diagnostic id (rules and other stages), for rules about the configuration itself. */
  known: readonly DiagnosticMeta[];
  /** The session's compiled schema validators (metrics.yaml's is checked by a rule). */
  validators: Validators;
  report(finding: Finding): void;
}

/** One check, one module (like an ESLint rule): meta plus a function over the report's sources. */
export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}
