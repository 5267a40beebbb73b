import { loc } from '../../diagnostics/diagnostic.js';
import { figure, named, relatedTo } from '../figures.js';
import type { Rule } from '../rule.js';

export const figurePartWhole: Rule = {
  meta: {
    id: 'figure-part-whole',
    category: 'figures',
    severity: 'error',
    description: loc('部分大于整体：如调解成功数大于受理数、结案数大于立案数。', 'A part exceeds its whole: more mediated than received, more cases closed than filed.'),
    why: loc(
      '上级和审核人员会逐项复算数据；“调解成功70件”而“受理68件”这样的矛盾一眼就能看出，报告会被退回。指标目录的 relations 列出了哪些数据是哪些数据的一部分。',
      'Supervisors recompute the figures; "70 mediated out of 68 received" is caught at a glance and the report is sent back. The catalog\'s relations list says which figure is part of which.',
    ),
    fix: loc(
      '核对两项数据的原始台账，改正 metrics.yaml 中写错的一项。确属口径不同时，可在 lawreport.yaml 的 rules: 中把本规则设为 off。',
      'Check both figures against the ledgers and correct the wrong one in metrics.yaml. If they truly count different things, set this rule to off under rules: in lawreport.yaml.',
    ),
    example: { bad: 'disputes:\n  received: 68\n  mediated: 70', good: 'disputes:\n  received: 68\n  mediated: 66' },
  },
  check({ source, report }) {
    for (const relation of source.catalog.relations) {
      if (relation.kind !== 'part') continue;
      const part = figure(source, relation.part);
      const whole = figure(source, relation.whole);
      if (!part || !whole || part.value <= whole.value) continue;
      const p = named(part);
      const w = named(whole);
      report({
        file: part.file,
        line: part.line,
        column: part.column,
        message: loc(
          `${p.zh} ${part.value} 大于 ${w.zh} ${whole.value}，部分不能超过整体。`,
          `${p.en} ${part.value} > ${w.en} ${whole.value}: a part cannot exceed its whole.`,
        ),
        hint: loc('核对两项数据，改正写错的一项。', 'Check both figures and correct the wrong one.'),
        related: [relatedTo(whole, loc('整体：', 'whole: '))],
      });
    }
  },
};
