import { dateDeadline } from '../src/check/rules/date-deadline.js';
import { yearAbbreviated } from '../src/check/rules/year-abbreviated.js';
import { yearAmbiguous } from '../src/check/rules/year-ambiguous.js';
import { yearStale } from '../src/check/rules/year-stale.js';
import { edited, OTHER, other } from './example-text.js';
import { ruleTester } from './rule-tester.js';

const dated = (date: string) => ({ 'lawreport.yaml': edited('lawreport.yaml', 'date: 2025-02-10', `date: ${date}`) });

ruleTester(dateDeadline, {
  valid: [
    { name: 'a 2024 report dated 2025-02-10', files: {} },
    { name: 'dated on the last day, 2025-03-31', files: dated('2025-03-31') },
  ],
  invalid: [
    {
      name: 'dated 2025-04-01: past the disclosure deadline',
      files: dated('2025-04-01'),
      errors: [{ file: 'lawreport.yaml', line: 5, column: 7, message: /2025年4月1日 晚于 2025 年 4 月 1 日/, related: 1 }],
    },
    { name: 'dated in the report year itself', files: dated('2024-12-30'), errors: [{ message: /不在报告年度（2024 年）的次年/ }] },
    { name: 'last year\'s date left in lawreport.yaml', files: dated('2024-02-10'), errors: [{ message: /2024年2月10日/ }] },
  ],
});

ruleTester(yearAbbreviated, {
  valid: [
    { name: 'years in full', files: other('2024年度共受理68件，2025年3月完成验收。') },
    { name: 'durations are not years: 近10年来, 15年前, 第24年', files: other('近10年来坚持，15年前建成，第24年度评比，〔24年〕不是年份写法。') },
  ],
  invalid: [
    {
      name: '24年度 and 25年3月 are completed from the report year',
      files: other('24年度共受理68件，25年3月完成验收。\n'),
      errors: [{ column: 1, message: /“2024年”/ }, { column: 12, message: /“2025年”/ }],
      output: { [OTHER]: '2024年度共受理68件，2025年3月完成验收。\n' },
    },
  ],
});

ruleTester(yearStale, {
  valid: [
    { name: 'the report year, the next year and comparisons', files: other('2024年全年受理68件，较2023年度增长，2025年度法治政府建设要点已印发，今年（2024年）。') },
  ],
  invalid: [
    { name: '2023年全年 in a report on 2024 (copied from last year)', files: other('2023年全年开展普法活动30场。'), errors: [{ column: 1, message: /报告年度是 2024 年，这里却把 2023 年/ }] },
    { name: '今年（2022年）', files: other('今年（2022年）共受理68件。'), errors: [{ message: /2022/ }] },
  ],
});

ruleTester(yearAmbiguous, {
  valid: [{ name: 'years named', files: other('2024年共受理68件。') }],
  invalid: [
    { name: '今年 and 本年度', files: other('今年共受理68件，本年度完成验收。'), errors: [{ column: 1, message: /写于 2025 年，说的是 2024 年/ }, { column: 10 }] },
  ],
});
