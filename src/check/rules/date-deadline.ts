import { loc } from '../../diagnostics/diagnostic.js';
import { CONFIG_FILE } from '../../load/report.js';
import { positionOf } from '../../source/yaml.js';
import type { Rule } from '../rule.js';

export const dateDeadline: Rule = {
  meta: {
    id: 'date-deadline',
    category: 'dates',
    needs: ['year', 'date'],
    severity: 'warning',
    description: loc('成文日期不在报告年度的次年 1 月 1 日至 3 月 31 日之间。', 'The signature date is not between 1 January and 31 March of the year after the report year.'),
    why: loc(
      '《法治政府建设与责任落实督察工作规定》：年度报告于每年 4 月 1 日前向社会公开。关于 N 年的报告，成文日期应在 N+1 年、4 月 1 日之前；年份不对多半是沿用了去年的 lawreport.yaml。',
      'The 2019 supervision rules: the annual report is made public before 1 April. A report on year N is dated in N+1 before 1 April; a wrong year usually means last year\'s lawreport.yaml was reused.',
    ),
    fix: loc('改正 lawreport.yaml 中的 date（或 year）。确实延后成文的，可在 rules: 中关闭本规则。', 'Correct date (or year) in lawreport.yaml. If the report is genuinely late, turn the rule off under rules:.'),
    example: { bad: 'year: 2024\ndate: 2024-12-30', good: 'year: 2024\ndate: 2025-02-10' },
  },
  check({ source, report }) {
    const { year, date } = source.config;
    const late = date.year === year + 1 && date.month >= 4;
    if (date.year === year + 1 && !late) return;
    const written = `${date.year}年${date.month}月${date.day}日`;
    report({
      file: CONFIG_FILE,
      ...positionOf(source.configDoc, '/date', 'value'),
      message: late
        ? loc(`成文日期 ${written} 晚于 ${year + 1} 年 4 月 1 日的公开期限。`, `The date ${written} is past the 1 April ${year + 1} disclosure deadline.`)
        : loc(`成文日期 ${written} 不在报告年度（${year} 年）的次年。`, `The date ${written} is not in the year after the report year (${year}).`),
      hint: loc(`关于 ${year} 年的报告，成文日期应在 ${year + 1}年1月1日至${year + 1}年3月31日之间。`, `A report on ${year} is dated between 1 January and 31 March ${year + 1}.`),
      related: [{ file: CONFIG_FILE, ...positionOf(source.configDoc, '/year', 'value'), message: loc(`报告年度 ${year}`, `report year ${year}`) }],
    });
  },
};
