import { loc } from '../../diagnostics/diagnostic.js';
import { decimalsOf, figure, named, rateHolds, relatedTo } from '../figures.js';
import { ratePercent } from '../../rate.js';
import type { Rule } from '../rule.js';

export const figureRate: Rule = {
  meta: {
    id: 'figure-rate',
    category: 'figures',
    severity: 'error',
    description: loc('比率与分子、分母重算的结果不符。', 'A rate differs from its numerator / denominator.'),
    why: loc(
      '调解成功 52 件、受理 55 件，成功率是 94.55%：写 94.5% 对（一位小数），写 95% 就错了。审核人员会用计算器复算每一个百分比。比率至少按指标目录中 precision 规定的小数位数核对，写得更细时按所写位数核对。',
      '52 mediated of 55 is 94.55%: 94.5% is right at one decimal place, 95% is wrong. Reviewers recompute every percentage. A rate is compared at least at the catalog\'s precision, or at the places it is written with when finer.',
    ),
    fix: loc(
      '删去 metrics.yaml 中的比率让 lawreport 自动计算，或按提示改正；正文中用 {{pct 分子 分母}} 引用。',
      'Remove the rate from metrics.yaml so lawreport computes it, or correct it as suggested; in chapters write {{pct part whole}}.',
    ),
    example: { bad: 'disputes:\n  received: 55\n  mediated: 52\n  rate: 95', good: 'disputes:\n  received: 55\n  mediated: 52\n  rate: 94.5' },
  },
  check({ source, report }) {
    for (const relation of source.catalog.relations) {
      if (relation.kind !== 'rate') continue;
      const rate = figure(source, relation.rate);
      const numerator = figure(source, relation.numerator);
      const denominator = figure(source, relation.denominator);
      const exact = numerator && denominator ? ratePercent(numerator.value, denominator.value) : undefined;
      if (!rate || !numerator || !denominator || exact === undefined) continue;
      const written = rate.written;
      // At least the declared precision; finer when the figure is written finer (97.06 at 2 places).
      const digits = Math.max(relation.precision, decimalsOf(written));
      if (rateHolds(rate.value, exact, digits)) continue;
      const r = named(rate);
      const expected = exact.toFixed(digits);
      report({
        file: rate.file,
        line: rate.line,
        column: rate.column,
        message: loc(
          `${r.zh} 写作 ${written}%，但 ${numerator.value} ÷ ${denominator.value} = ${expected}%（按 ${digits} 位小数核对）。`,
          `${r.en} is ${written}%, but ${numerator.value} / ${denominator.value} = ${expected}% (compared at ${digits} decimal places).`,
        ),
        hint: loc(`改为 ${expected}，或删去这一项由 lawreport 计算。`, `Write ${expected}, or remove it and let lawreport compute it.`),
        related: [relatedTo(numerator, loc('分子：', 'numerator: ')), relatedTo(denominator, loc('分母：', 'denominator: '))],
      });
    }
  },
};
