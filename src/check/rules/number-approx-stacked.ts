import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const numberApproxStacked = wordingRule(
  {
    id: 'number-approx-stacked',
    category: 'wording',
    severity: 'warning',
    description: loc('概数叠用，如“约1000多人”“近50余次”。', 'Stacked approximations, such as 约1000多人.'),
    why: loc(
      'GB/T 15835：“约”“近”“左右”“余”“多”都表示概数，同一个数只用一个。“约1000多人”是病句，审核时一定会被改。',
      'GB/T 15835: 约, 近, 左右, 余 and 多 each make a figure approximate; one per figure. 约1000多人 is always corrected.',
    ),
    fix: loc('只留一个：“约1000人”或“1000多人”。', 'Keep one: 约1000人 or 1000多人.'),
    example: { bad: '参加群众约1000多人。', good: '参加群众1000多人。' },
  },
  /(约|近|大约|将近)(\d+(?:\.\d+)?[万千百亿]?)(余|多|左右)/g,
  (m) => ({
    message: loc(`“${m[0]}”叠用了“${m[1]}”和“${m[3]}”两个概数词。`, `"${m[0]}" stacks two approximations, "${m[1]}" and "${m[3]}".`),
    hint: loc(`改为“${m[1]}${m[2]}”或“${m[2]}${m[3]}”。`, `Write "${m[1]}${m[2]}" or "${m[2]}${m[3]}".`),
  }),
);
