import { loc } from '../../diagnostics/diagnostic.js';
import { figure, named, relatedTo, type Figure } from '../figures.js';
import type { Rule } from '../rule.js';

export const figureSum: Rule = {
  meta: {
    id: 'figure-sum',
    category: 'figures',
    severity: 'error',
    description: loc('合计与各项之和不符：如 12345 热线受理数不等于办结数加在办数。', 'A total differs from the sum of its parts: hotline received ≠ closed + in progress.'),
    why: loc(
      '受理 38 件、办结 34 件、在办 4 件，三个数必须对得上；对不上说明至少有一个数抄错了。',
      '38 received, 34 closed and 4 in progress must add up; when they do not, at least one figure was copied wrongly.',
    ),
    fix: loc('核对台账，改正 metrics.yaml 中写错的数据。', 'Check the ledgers and correct the wrong figure in metrics.yaml.'),
    example: { bad: 'hotline:\n  received: 38\n  closed: 34\n  in_progress: 5', good: 'hotline:\n  received: 38\n  closed: 34\n  in_progress: 4' },
  },
  check({ source, report }) {
    for (const relation of source.catalog.relations) {
      if (relation.kind !== 'sum') continue;
      const total = figure(source, relation.total);
      const parts = relation.parts.map((p) => figure(source, p));
      if (!total || parts.some((p) => p === undefined)) continue;
      const present = parts as Figure[];
      const sum = present.reduce((acc, p) => acc + p.value, 0);
      if (Math.abs(sum - total.value) < 1e-9) continue;
      const t = named(total);
      const terms = present.map((p) => `${p.value}`).join(' + ');
      report({
        file: total.file,
        line: total.line,
        column: total.column,
        message: loc(
          `${t.zh} ${total.value} 不等于 ${present.map((p) => named(p).zh).join(' + ')} = ${terms} = ${sum}。`,
          `${t.en} ${total.value} ≠ ${present.map((p) => p.path).join(' + ')} = ${terms} = ${sum}.`,
        ),
        hint: loc('核对合计和各分项，改正写错的一项。', 'Check the total and each part; correct the wrong one.'),
        related: present.map((p) => relatedTo(p, loc('分项：', 'part: '))),
      });
    }
  },
};
