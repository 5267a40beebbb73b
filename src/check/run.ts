import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportSource, RuleSetting } from '../model.js';
import { allRuleMetas, ruleMeta } from './registry.js';
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
    // A rule judging by the year or date says nothing while lawreport.yaml lacks it (config-schema says that).
    if (rule.meta.needs?.some((field) => source.config.unset.includes(field))) continue;
    const severity = setting ?? rule.meta.severity;
    rule.check({
      source,
      options: source.config.ruleOptions[rule.meta.id] ?? {},
      knownRules: allRuleMetas(),
      report: (d) => out.push({ ...d, ruleId: rule.meta.id, severity }),
    });
  }
  return out;
}

/**
 * Applies `rules:` severities to diagnostics from other stages (template, markdown), which carry
 * rule ids too. A problem the stage stops on (fixedSeverity) keeps its severity: silencing it would
 * leave a build that has no output and no error to say why. config-unknown-rule warns about such settings.
 */
export function applySeverities(diagnostics: Diagnostic[], settings: Record<string, RuleSetting>): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const setting = settings[d.ruleId];
    if (setting === undefined || ruleMeta(d.ruleId)?.fixedSeverity) return [d];
    if (setting === 'off') return [];
    return [{ ...d, severity: setting }];
  });
}
