import { loc } from '../../diagnostics/diagnostic.js';
import { wordingRule } from '../wording.js';

export const listNumbering = wordingRule(
  {
    id: 'list-numbering',
    category: 'wording',
    severity: 'warning',
    fixable: true,
    description: loc('行首序号写成“1、”，正文中应为“1.”。', 'A line opens with 「1、」; numbered items take 「1.」 in the body.'),
    why: loc(
      'GB/T 15834 与公文惯例：阿拉伯数字序号后用下脚点“1.”，顿号只跟在汉字序号后（“一、”）。改成“1. ”后，lawreport 也能把它当作编号列表排版。',
      'GB/T 15834 and 公文 usage: an Arabic number takes a full stop (1.); the enumeration comma follows Chinese numerals only (一、). As "1. " the line also becomes a numbered list lawreport lays out.',
    ),
    fix: loc('把“1、”改为“1. ”；lawreport fmt --fix 会自动改正。', 'Change 「1、」 to 「1. 」; lawreport fmt --fix does it.'),
    example: { bad: '1、培育“法律明白人”58名；', good: '1. 培育“法律明白人”58名；' },
  },
  /(^|\n)(\d{1,2})、/g,
  (m) => {
    const at = m[1]!.length;
    return {
      message: loc(`行首序号“${m[2]}、”应为“${m[2]}.”。`, `The item number "${m[2]}、" should be "${m[2]}.".`),
      span: [at, m[0].length],
      edit: { from: at + m[2]!.length, to: m[0].length, text: '. ' },
    };
  },
);
