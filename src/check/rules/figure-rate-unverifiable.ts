import { loc } from '../../diagnostics/diagnostic.js';
import { figure, named } from '../figures.js';
import type { Rule } from '../rule.js';

export const figureRateUnverifiable: Rule = {
  meta: {
    id: 'figure-rate-unverifiable',
    category: 'figures',
    severity: 'info',
    description: loc('比率缺少分子或分母，无法核对。', 'A rate lacks its numerator or denominator and cannot be checked.'),
    why: loc(
      '“化解率95%”只有在知道受理了多少件时才能核对；优良天数 336 天、优良率 97.4% 只在有效监测 345 天时成立，按 365 天算就不对。写出分母，读者和 lawreport 才能复算。',
      '"95% resolved" can only be checked against how many cases were received; 336 good-air days at 97.4% holds over 345 monitored days, not 365. Give the denominator so readers and lawreport can recompute it.',
    ),
    fix: loc('在 metrics.yaml 中补上指标目录为该比率声明的分子和分母。', 'Add the numerator and denominator the catalog declares for the rate to metrics.yaml.'),
    example: { bad: 'disputes:\n  rate: 95', good: 'disputes:\n  received: 55\n  mediated: 52\n  rate: 94.5' },
  },
  check({ source, report }) {
    for (const relation of source.catalog.relations) {
      if (relation.kind !== 'rate') continue;
      const rate = figure(source, relation.rate);
      if (!rate) continue;
      const missing = [relation.numerator, relation.denominator].filter((p) => figure(source, p) === undefined);
      if (missing.length === 0) continue;
      report({
        file: rate.file,
        line: rate.line,
        column: rate.column,
        message: loc(
          `${named(rate).zh} ${rate.written}% 无法核对：metrics.yaml 中没有 ${missing.join('、')}。`,
          `${named(rate).en} ${rate.written}% cannot be checked: metrics.yaml lacks ${missing.join(', ')}.`,
        ),
        hint: loc(`补上 ${missing.join('、')}。`, `Add ${missing.join(', ')}.`),
        related: [{ ...relation.source, message: loc('指标目录中的定义', 'definition in the catalog') }],
      });
    }
  },
};
