import { loc } from '../../diagnostics/diagnostic.js';
import { decimalsOf, named, relatedTo } from '../figures.js';
import { locate } from '../prose.js';
import { literalFigures } from '../prose-figures.js';
import type { Rule } from '../rule.js';

export const proseFigureMismatch: Rule = {
  meta: {
    id: 'prose-figure-mismatch',
    category: 'figures',
    severity: 'error',
    description: loc('正文写的数与 metrics.yaml 不符，如 metrics.yaml 写调解成功 66 件，正文写“调解成功70件”。', 'A figure in the prose differs from metrics.yaml: the chapter says 70 mediated where metrics.yaml says 66.'),
    why: loc(
      '同一个数在报告里出现两次、却不一样，读者不知道信哪个，审核人员一定会退回。正文中紧跟在指标名称或别名（见指标目录 aliases）后、单位也相符的数，会与 metrics.yaml 核对；比率按所写的小数位数核对。年份、日期、条款号、电话号码、文号和序号不会被当作数据。',
      'The same figure stated twice, differently, leaves the reader unsure which to trust. A number right after a metric\'s label or alias (catalog aliases) with a fitting unit is compared with metrics.yaml; rates at the places written. Years, dates, article, phone and document numbers and ordinals are never taken for figures.',
    ),
    fix: loc('改正写错的一处；最好把正文中的数换成模板引用 {{fig 组.项}}，只在 metrics.yaml 写一次。', 'Correct the wrong one; better, replace the number in the chapter with {{fig group.key}} so it is written once, in metrics.yaml.'),
    example: { bad: '<!-- metrics.yaml 中 disputes.mediated: 66 -->\n调解成功70件。', good: '调解成功{{fig disputes.mediated}}。' },
  },
  check({ source, views, report }) {
    for (const { stated: f, known, agrees } of literalFigures(source, views)) {
      if (agrees) continue;
      const percent = f.metric.type === 'percent';
      const label = named({ path: f.metric.path, def: f.metric });
      const expected = percent ? known.value.toFixed(decimalsOf(f.written)) : String(known.value);
      const suffix = percent ? '%' : f.metric.unit;
      report({
        ...locate(f.block.chapter, f.start, f.end),
        message: loc(
          `正文在“${f.label}”后写 ${f.written}${suffix}，而 metrics.yaml 中 ${label.zh} 为 ${expected}${suffix}${known.computed ? '（由分子分母算出）' : ''}。`,
          `The prose says ${f.written}${suffix} after "${f.label}", but metrics.yaml has ${label.en} = ${expected}${suffix}${known.computed ? ' (computed from its parts)' : ''}.`,
        ),
        hint: loc(`改为 {{fig ${f.metric.path}}}，数据只写在 metrics.yaml 一处。`, `Write {{fig ${f.metric.path}}}, so the figure lives in metrics.yaml only.`),
        related: known.figures.map((fig) => relatedTo(fig)),
      });
    }
  },
};
