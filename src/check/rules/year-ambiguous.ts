import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const yearAmbiguous = wordingRule(
  {
    id: 'year-ambiguous',
    category: 'dates',
    needs: ['year'],
    severity: 'info',
    description: loc('“今年”“本年度”指哪一年不清楚。', '"今年/本年度" (this year) is ambiguous.'),
    why: loc(
      '关于 2024 年的报告在 2025 年写成、发布，读者读到“今年”会理解成 2025 年。写明年份不会误解。',
      'A report on 2024 is written and published in 2025; a reader takes 今年 for 2025. Naming the year cannot be misread.',
    ),
    fix: loc('写明年份，如“2024年”，或在正文中写 {{report.year}}年。', 'Name the year, such as 2024年, or write {{report.year}}年 in the chapter.'),
    example: { bad: '今年共受理矛盾纠纷68件。', good: '2024年共受理矛盾纠纷68件。' },
  },
  /今年|本年度|本年(?![龄级])/g,
  (m, _block, { year }) => ({
    message: loc(`“${m[0]}”指哪一年不清楚：报告写于 ${year + 1} 年，说的是 ${year} 年。`, `"${m[0]}" is ambiguous: the report is written in ${year + 1} about ${year}.`),
    hint: loc(`写明“${year}年”。`, `Write "${year}年".`),
  }),
);
