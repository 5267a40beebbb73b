import { loc, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { declaredId, defineDiagnostic, docsUrl, type DiagnosticMeta } from '../diagnostics/definition.js';
import { CONFIG_FILE } from '../load/report.js';
import type { RuleSetting } from '../model.js';
import { pointerEscape, positionOf, type YamlDocument } from '../source/yaml.js';
import { SCHEMA_MESSAGES, validateValue, Validators } from '../validate/schema.js';
import type { TemplateCache } from '../template/render.js';
import type { FigureTerms } from '../figures/find.js';
import type { Rule, RuleSource } from './rule.js';
import { rules as builtinRules } from './rules/index.js';
import { SourceViews } from './views.js';

export const configRuleOptions = defineDiagnostic({
  id: 'config-rule-options',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('lawreport.yaml 的 rules 中给规则的选项写错了：规则没有选项，或选项名、取值不对。', 'Options given to a rule under rules: in lawreport.yaml are wrong: the rule takes none, or a name or value is wrong.'),
  why: loc('写错的选项不会生效，以为调过的阈值其实还是默认值。', 'A misspelt option has no effect: a threshold you think you tuned is still the default.'),
  fix: loc('按“是不是……”的建议改正选项名；每条规则的选项见 docs/rules.md 中该规则的“怎样改”。', 'Correct the option as suggested; each rule\'s options are under its "How to fix" in docs/rules.md.'),
  example: { bad: 'rules:\n  figure-yoy-jump: [warning, { factr: 10 }]\n', good: 'rules:\n  figure-yoy-jump: [warning, { factor: 10 }]\n' },
}, {
  ...SCHEMA_MESSAGES,
  none: {
    message: (d: { id: string }) => loc(`规则“${d.id}”没有选项。`, `Rule "${d.id}" takes no options.`),
    hint: (d: { id: string }) => loc(`只写严重程度：${d.id}: warning。`, `Give the severity alone: ${d.id}: warning.`),
  },
  extra: {
    message: (d: { id: string }) => loc(`规则“${d.id}”的设置最多两项：[严重程度, { 选项 }]。`, `The setting of "${d.id}" has at most two items: [severity, { options }].`),
  },
});

export interface RunOptions {
  /** Every registered diagnostic id, for the rules about lawreport.yaml itself (the pipeline's registry). */
  known?: readonly DiagnosticMeta[];
  /** Options by rule id, in place of lawreport.yaml's (RuleTester cases); checked the same way. */
  options?: Readonly<Record<string, unknown>>;
  /** The session's compiled validators (a fresh set when none is given). */
  validators?: Validators;
  /** The session's templates by text: the rules read the chapters' expressions as compiling parses them. */
  templates?: TemplateCache;
  /** The session's catalog terms for the figure finder. */
  figureTerms?: FigureTerms;
}

/**
 * Runs the rules over a loaded report. The runner, not the rule, owns severity: it stamps
 * rule id, docs url and the configured severity (lawreport.yaml `rules:`) on every message, and
 * hands each rule its options, checked against the rule's schema (a rule whose options are wrong
 * does not run: its findings would rest on settings nobody meant).
 */
export function runRules(source: RuleSource, rules: readonly Rule[] = builtinRules, run: RunOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const views = new SourceViews(source, run.templates, run.figureTerms);
  const known = run.known ?? rules.map((r) => r.meta);
  const validators = run.validators ?? new Validators();
  for (const rule of rules) {
    const setting: RuleSetting | undefined = source.config.rules[rule.meta.id];
    if (setting === 'off') continue;
    // A rule judging by the year or date says nothing while lawreport.yaml lacks it (config-schema says that).
    if (rule.meta.needs?.some((field) => source.config.unset.includes(field))) continue;
    const options = ruleOptions(rule, source.configDoc, validators, run.options);
    out.push(...options.diagnostics);
    if (options.diagnostics.length > 0) continue;
    const severity = setting ?? rule.meta.severity;
    const url = docsUrl(rule.meta.id);
    const ruleId = declaredId(rule.meta);
    rule.check({ source, views, options: options.value, known, validators, report: (d) => out.push({ ...d, ruleId, severity, url }) });
  }
  return out;
}

/** A rule's options: what lawreport.yaml (or the caller) gives, checked against the rule's schema, over its defaults. */
function ruleOptions(rule: Rule, configDoc: YamlDocument, validators: Validators, given?: Readonly<Record<string, unknown>>): { value: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const id = rule.meta.id;
  const defaults = rule.meta.options?.defaults ?? {};
  const pointer = `/rules/${pointerEscape(id)}`;
  const at = (p: string): Location => ({ file: CONFIG_FILE, ...positionOf(configDoc, p, 'value') });
  let value: unknown;
  if (given && Object.hasOwn(given, id)) value = given[id];
  else {
    const setting = ((configDoc.value as { rules?: Record<string, unknown> } | null)?.rules ?? {})[id];
    if (!Array.isArray(setting) || setting.length < 2) return { value: { ...defaults }, diagnostics: [] };
    if (setting.length > 2) return { value: defaults, diagnostics: [configRuleOptions.at(at(`${pointer}/2`), 'extra', { id })] };
    value = setting[1];
  }
  if (!rule.meta.options) return { value: defaults, diagnostics: [configRuleOptions.at(at(`${pointer}/1`), 'none', { id })] };
  const diagnostics = validateValue(value, rule.meta.options.schema, configDoc, `${pointer}/1`, configRuleOptions, validators);
  return { value: { ...defaults, ...(value as Record<string, unknown>) }, diagnostics };
}

/**
 * Applies `rules:` severities to diagnostics from other stages (template, markdown), which carry
 * rule ids too. A problem the stage stops on (fixedSeverity) keeps its severity: silencing it would
 * leave a build that has no output and no error to say why. config-unknown-rule warns about such settings.
 */
export function applySeverities(diagnostics: Diagnostic[], settings: Record<string, RuleSetting>, meta: (id: string) => DiagnosticMeta | undefined): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const setting = settings[d.ruleId];
    if (setting === undefined || meta(d.ruleId)?.fixedSeverity) return [d];
    if (setting === 'off') return [];
    return [{ ...d, severity: setting }];
  });
}
