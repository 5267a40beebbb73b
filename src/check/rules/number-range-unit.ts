import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const numberRangeUnit = wordingRule(
  {
    id: 'number-range-unit',
    category: 'wording',
    severity: 'warning',
    fixable: true,
    description: loc('百分数范围只在后一个数写了 %，如“15～30%”。', 'A range of percentages with % on the last figure only, such as 15～30%.'),
    why: loc(
      'GB/T 15835：表示数值范围时，百分号、千分号要在两个数上都写（“15%～30%”），否则“15～30%”可读作“15 到 30%”。',
      'GB/T 15835: in a range both figures keep their % or ‰ (15%～30%); otherwise 15～30% reads as "15 to 30%".',
    ),
    fix: loc('在前一个数后补上单位；lawreport fmt --fix 会自动补上。', 'Add the unit after the first figure; lawreport fmt --fix does it.'),
    example: { bad: '降幅在15～30%之间。', good: '降幅在15%～30%之间。' },
  },
  /(?<![\d.])(\d+(?:\.\d+)?)(～|~|—|至|到)(\d+(?:\.\d+)?)(%|‰)/g,
  (m) => ({
    message: loc(`范围“${m[0]}”的前一个数也要写“${m[4]}”。`, `In the range "${m[0]}" the first figure needs "${m[4]}" too.`),
    edit: { from: m[1]!.length, to: m[1]!.length, text: m[4]! },
  }),
);
