import { loc } from '../../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../../diagnostics/definition.js';
import { SCHEMA_MESSAGES, validateYaml } from '../../validate/schema.js';
import type { Rule, RuleMeta } from '../rule.js';

const meta: RuleMeta = {
  id: 'metrics-schema',
  category: 'outline',
  severity: 'error',
  description: loc(
    'metrics.yaml 不符合指标目录：未知的组或数据项、不是数字、计数为负数或小数、百分数超过 100。',
    'metrics.yaml does not match the metric catalog: an unknown group or figure, not a number, a negative or fractional count, a percentage over 100.',
  ),
  why: loc(
    '数据只写一次、处处引用；写错的键或值会让每一处引用都错。',
    'A figure is written once and cited everywhere; a wrong key or value makes every citation wrong.',
  ),
  fix: loc(
    '按提示改正；键的名称、单位和类型见 schemas/metrics.catalog.yaml，新的数据项写进报告自己的指标目录（lawreport.yaml 的 catalog）。',
    'Correct as hinted; keys, units and types are listed in schemas/metrics.catalog.yaml; new figures go into the report\'s own catalog (catalog in lawreport.yaml).',
  ),
  example: { bad: 'disputes:\n  recieved: 68\n  rate: 197.06\n', good: 'disputes:\n  received: 68\n  rate: 97.06\n' },
};

/** Schema errors of metrics.yaml, worded like every schema error and reported by this rule. */
const schemaErrors = defineDiagnostic(meta, SCHEMA_MESSAGES);

export const metricsSchemaRule: Rule = {
  meta,
  check({ source, validators, report }) {
    if (!source.metricsDoc || source.metricsDoc.value === null) return;
    for (const { ruleId: _, severity: __, url: ___, ...d } of validateYaml(source.metricsDoc, source.metricsSchema, schemaErrors, validators)) report(d);
  },
};
