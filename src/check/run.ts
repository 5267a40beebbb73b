import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportSource, RuleSetting } from '../model.js';
import type { Rule } from './rule.js';
import { rules as builtinRules } from './rules/index.js';

/**
 * Runs the rules over a loaded report. The runner, not the rule, owns severity: it stamps
 * rule id and the configured severity (lawreport.yaml `rules:`) on every message.
 */
export function runRules(source: ReportSource, rules: readonly Rule[] = builtinRules): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const setting: RuleSetting | undefined = source.config.rules[rule.meta.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.meta.severity;
    rule.check({
      source,
      options: source.config.ruleOptions[rule.meta.id] ?? {},
      report: (d) => out.push({ ...d, ruleId: rule.meta.id, severity }),
    });
  }
  return out;
}

/** Applies `rules:` severities to diagnostics from other stages (template, markdown), which carry rule ids too. */
export function applySeverities(diagnostics: Diagnostic[], settings: Record<string, RuleSetting>): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const setting = settings[d.ruleId];
    if (setting === undefined) return [d];
    if (setting === 'off') return [];
    // An error that stops compilation cannot be downgraded into silence: keep errors from syntax.
    return [{ ...d, severity: setting }];
  });
}
