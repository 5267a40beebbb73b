import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const yearAbbreviated = wordingRule(
  {
    id: 'year-abbreviated',
    category: 'dates',
    needs: ['year'],
    severity: 'warning',
    fixable: true,
    description: loc('年份只写了后两位，如“24年”。', 'A year written with two digits, such as 24年.'),
    why: loc('GB/T 15835：年份不能简写，“24年”应写“2024年”。公文的年份一律写全。', 'GB/T 15835: years are written in full; 24年 is 2024年.'),
    fix: loc('写全四位年份；lawreport fmt --fix 会按报告年度补全前两位。', 'Write all four digits; lawreport fmt --fix completes the century from the report year.'),
    example: { bad: '24年度共受理矛盾纠纷68件。', good: '2024年度共受理矛盾纠纷68件。' },
  },
  // Only where the two digits can only be a year (24年度, 24年底, 24年3月), never durations (近10年来).
  /(?<![\d.〔［\[第近约余多这过去前后了])(\d{2})年(?=度|底|初|末|上半年|下半年|\d{1,2}月)/g,
  (m, _block, { year }) => {
    const full = Math.floor(year / 100) * 100 + Number(m[1]);
    if (full < year - 10 || full > year + 1) return undefined;
    return {
      message: loc(`年份“${m[1]}年”应写全：“${full}年”。`, `Write the year in full: "${full}年", not "${m[1]}年".`),
      edit: { from: 0, to: 2, text: String(full) },
    };
  },
);
