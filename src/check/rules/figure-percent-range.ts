import { loc } from '../../diagnostics/diagnostic.js';
import { figure, named } from '../figures.js';
import type { Rule } from '../rule.js';

export const figurePercentRange: Rule = {
  meta: {
    id: 'figure-percent-range',
    category: 'figures',
    severity: 'error',
    description: loc('百分数超过 100 或小于 0。', 'A percentage above 100 or below 0.'),
    why: loc('办结率、覆盖率、报备率都不可能超过 100%；超过说明分子分母写反或多打了一位。', 'Closing, coverage and filing rates cannot exceed 100%; above it, numerator and denominator were swapped or a digit was added.'),
    fix: loc('改正 metrics.yaml 中的百分数（写 97.06，不写 0.9706，也不带 %）。', 'Correct the percentage in metrics.yaml (write 97.06, not 0.9706, and no %).'),
    example: { bad: 'decisions:\n  filing_rate: 1000', good: 'decisions:\n  filing_rate: 100' },
  },
  check({ source, report }) {
    for (const def of source.catalog.byPath.values()) {
      if (def.type !== 'percent') continue;
      const f = figure(source, def.path);
      if (!f || (f.value >= 0 && f.value <= 100)) continue;
      report({
        file: f.file,
        line: f.line,
        column: f.column,
        message: loc(`${named(f).zh} 为 ${f.written}%，百分数应在 0～100 之间。`, `${named(f).en} is ${f.written}%; a percentage lies between 0 and 100.`),
        hint: loc('检查是否多打了一位数或分子分母写反。', 'Check for an extra digit or a swapped numerator and denominator.'),
      });
    }
  },
};
