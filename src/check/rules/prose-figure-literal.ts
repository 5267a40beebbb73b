import { loc } from '../../diagnostics/diagnostic.js';
import { decimalsOf, relatedTo } from '../figures.js';
import { locate } from '../prose.js';
import { literalFigures } from '../prose-figures.js';
import type { Rule } from '../rule.js';

export const proseFigureLiteral: Rule = {
  meta: {
    id: 'prose-figure-literal',
    category: 'figures',
    severity: 'info',
    description: loc('正文把 metrics.yaml 里已有的数据直接写成了数字，可改用模板引用。', 'The prose writes out a figure metrics.yaml already holds; a template reference would keep them in step.'),
    why: loc(
      '数字写两遍，改数据时就得改两处；漏改一处就成了 prose-figure-mismatch。用 {{fig 组.项}} 引用，数据只有一个出处。',
      'A figure written twice must be changed twice; miss one and it becomes a prose-figure-mismatch. {{fig group.key}} keeps one source.',
    ),
    fix: loc('把数字和单位换成 {{fig 组.项}}（比率用 {{pct 分子 分母}}）。不需要时在 rules: 中关闭本规则。', 'Replace the number and unit with {{fig group.key}} (rates: {{pct part whole}}). Turn the rule off under rules: if unwanted.'),
    example: { bad: '调解成功66件。', good: '调解成功{{fig disputes.mediated}}。' },
  },
  check({ source, views, report }) {
    for (const { stated: f, known, agrees } of literalFigures(source, views)) {
      if (!agrees) continue;
      const percent = f.metric.type === 'percent';
      const suggestion = percent && known.computed && known.figures.length === 2
        ? `{{pct ${known.figures[0]!.path} ${known.figures[1]!.path} digits=${decimalsOf(f.written)}}}`
        : percent ? `{{${f.metric.path}}}%` : `{{fig ${f.metric.path}}}`;
      report({
        ...locate(f.block.chapter, f.start, f.end),
        message: loc(`“${f.label}${f.written}”与 metrics.yaml 一致，可写成 ${suggestion}。`, `"${f.label}${f.written}" matches metrics.yaml; write ${suggestion}.`),
        hint: loc('引用后数据只在 metrics.yaml 写一次。', 'With a reference the figure is written once, in metrics.yaml.'),
        related: known.figures.map((fig) => relatedTo(fig)),
      });
    }
  },
};
