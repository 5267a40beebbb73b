import type { Diagnostic, Localized, Severity } from '../diagnostics/diagnostic.js';
import type { ConfigField, ReportSource } from '../model.js';

/** What a rule knows about itself: the one home of its id, default severity and documentation. */
export interface RuleMeta {
  id: string;
  /** Default severity; lawreport.yaml `rules:` can change it or turn the rule off. */
  severity: Severity;
  description: Localized;
  /** Why the rule exists, for docs/rules.md. */
  why: Localized;
  /** How to fix or silence a report, for docs/rules.md. */
  fix: Localized;
  /** A short wrong/right pair for docs/rules.md (Markdown or YAML as the reader writes it). */
  example?: { bad: string; good: string };
  fixable?: boolean;
  /**
   * The stage that reports it, grouping docs/rules.md: 'outline' for the rules in rules/,
   * 'load', 'schema', 'template', 'markdown', 'image' for diagnostics other stages emit.
   */
  stage?: string;
  /** The stage stops on it (nothing can be compiled past it), so `rules:` cannot change its severity. */
  fixedSeverity?: boolean;
  /** Keys of lawreport.yaml the rule judges by: it is skipped while one is unset (config-schema reports that). */
  needs?: readonly ConfigField[];
}

export type Report = Omit<Diagnostic, 'ruleId' | 'severity'>;

export interface RuleContext {
  source: ReportSource;
  /** Options from lawreport.yaml (`rule-id: [warning, {factor: 5}]`); empty when none. */
  options: Record<string, unknown>;
  report(diagnostic: Report): void;
  /** The meta of every registered id (rules and other stages), for rules about the configuration itself. */
  knownRules?: readonly RuleMeta[];
}

/** One check, one module (like an ESLint rule): meta plus a function over the report source. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
