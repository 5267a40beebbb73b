import { loc } from '../../diagnostics/diagnostic.js';
import { figure, figureIn, named, relatedTo } from '../figures.js';
import type { Rule } from '../rule.js';

export type YoyJumpOptions = {
  /** A change beyond this factor either way is flagged. */
  factor: number;
  /** Below this, small counts (0 → 3 lawsuits) swing by large factors for real. */
  minimum: number;
};

export const figureYoyJump: Rule<YoyJumpOptions> = {
  meta: {
    id: 'figure-yoy-jump',
    category: 'figures',
    severity: 'warning',
    description: loc('与上一年度相比变化过大（默认超过 5 倍），可能多打或少打了一位数。', 'A figure moved more than a factor (5 by default) from last year: likely a digit too many or too few.'),
    why: loc(
      '普法资料从 1200 份变成 12000 份，多半是多打了一个 0。lawreport.yaml 的 previous: 指向上一年度的报告文件夹或 metrics.yaml 时，逐项与上年比较。',
      'Legal leaflets going from 1200 to 12000 is most likely an extra 0. When previous: in lawreport.yaml names last year\'s report folder or metrics.yaml, every figure is compared with last year\'s.',
    ),
    fix: loc(
      '核对该数据；变化属实时不用改。可在 lawreport.yaml 中调整倍数：rules: { figure-yoy-jump: [warning, { factor: 10, minimum: 20 }] }。',
      'Check the figure; if the change is real, leave it. Tune it in lawreport.yaml: rules: { figure-yoy-jump: [warning, { factor: 10, minimum: 20 }] }.',
    ),
    example: { bad: '# 上年 pufa.materials: 1200\npufa:\n  materials: 12000', good: '# 上年 pufa.materials: 1200\npufa:\n  materials: 1350' },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          factor: { description: '超过上年多少倍（或不到几分之一）时提示，大于 1。', type: 'number', exclusiveMinimum: 1 },
          minimum: { description: '两年都小于这个数时不提示（小数字的大幅波动常是真的）。', type: 'number', minimum: 0 },
        },
      },
      defaults: { factor: 5, minimum: 10 },
    },
  },
  check({ source, report, options }) {
    const previous = source.previous;
    if (!previous) return;
    const { factor, minimum } = options;
    for (const def of source.catalog.byPath.values()) {
      const now = figure(source, def.path);
      const before = figureIn(previous.metrics, previous.doc, def.path, def, previous.file);
      if (!now || !before || Math.max(now.value, before.value) < minimum) continue;
      const low = Math.min(now.value, before.value);
      const high = Math.max(now.value, before.value);
      if (low > 0 && high / low <= factor) continue;
      if (low === 0 && high < minimum * factor) continue;
      const times = low === 0 ? '∞' : (high / low).toFixed(1);
      report({
        file: now.file,
        line: now.line,
        column: now.column,
        message: loc(
          `${named(now).zh} 从上年的 ${before.value} 变为 ${now.value}（相差 ${times} 倍），请核对是否多打或少打了数字。`,
          `${named(now).en} went from ${before.value} last year to ${now.value} (a factor of ${times}); check for a digit too many or too few.`,
        ),
        hint: loc(`变化属实可忽略；阈值为 ${factor} 倍。`, `If the change is real, ignore this; the threshold is a factor of ${factor}.`),
        related: [relatedTo(before, loc('上年：', 'last year: '))],
      });
    }
  },
};
