import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const yearStale = wordingRule(
  {
    id: 'year-stale',
    category: 'dates',
    needs: ['year'],
    severity: 'warning',
    description: loc('把报告年度以外的年份当作“本年度”来写，如 2024 年的报告里写“2023年度法治政府建设”“2023年全年”。', 'A year other than the report\'s written as the current one, such as 2023年全年 in a report on 2024.'),
    why: loc(
      '年度报告常以上一年的报告为底稿改写，漏改的年份会让整段内容看起来是旧材料。“今年（2023年）”“2023年全年”“2023年度法治政府建设”里的年份应是报告年度（或下一年度的安排）。',
      'Annual reports are usually rewritten from last year\'s; a year left unchanged makes the whole passage look stale. In 今年（2023年）, 2023年全年 or 2023年度法治政府建设 the year should be the report year (or the next, for plans).',
    ),
    fix: loc('改为报告年度；正文中可写 {{report.year}}年。与往年比较的写法（“较2023年度”）不受影响。', 'Write the report year; in chapters {{report.year}}年. Comparisons (较2023年度) are not flagged.'),
    example: { bad: '2023年全年共开展普法活动30场。', good: '2024年全年共开展普法活动30场。' },
  },
  /(?<![较比与同自从至到])((?:19|20)\d{2})年(度法治|全年)|(?:今年|本年度?)[（(]((?:19|20)\d{2})年?[）)]/g,
  (m, _block, { year }) => {
    const stated = Number(m[1] ?? m[3]);
    if (stated === year || stated === year + 1) return undefined;
    return {
      message: loc(`报告年度是 ${year} 年，这里却把 ${stated} 年当作本年度。`, `The report is on ${year}, yet ${stated} is written as the current year.`),
      hint: loc(`改为 ${year} 年，或写 {{report.year}}年。`, `Write ${year}, or {{report.year}}年.`),
    };
  },
);
