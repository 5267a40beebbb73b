import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const numberApproxRound = wordingRule(
  {
    id: 'number-approx-round',
    category: 'wording',
    severity: 'warning',
    description: loc('“余”“多”跟在不是整数位的数字后面，如“9余场”。', '"余/多" (more than) after a figure that is not round, such as 9余场.'),
    why: loc(
      'GB/T 15835《出版物上数字用法》：“余”“多”表示概数，只能跟在整十、整百的数后面（“20余次”“1000余份”）。“9余场”“38多件”既不是准确数也不是概数。',
      'GB/T 15835: 余/多 make an approximate figure and follow a round one (20余次, 1000余份). 9余场 or 38多件 is neither exact nor approximate.',
    ),
    fix: loc('写准确数（“9场”），或改成整数位的概数（“10余场”）。', 'Write the exact figure (9场) or a round approximation (10余场).'),
    example: { bad: '开展普法讲座9余场。', good: '开展普法讲座9场。' },
  },
  /(?<![\d.])(\d+)(余|多)(?=[\u4e00-\u9fff])/g,
  (m) => {
    if (m[1]!.endsWith('0')) return undefined;
    return {
      message: loc(`“${m[0]}”：“${m[2]}”只能跟在整数位的数后面。`, `"${m[0]}": "${m[2]}" only follows a round figure.`),
      hint: loc(`写准确数“${m[1]}”，或写成整十、整百的概数。`, `Write the exact "${m[1]}", or a round approximation.`),
    };
  },
);
