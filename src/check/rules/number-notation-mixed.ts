import { loc, type Localized } from '../../diagnostics/diagnostic.js';
import { locate, type ProseBlock } from '../prose.js';
import type { Rule } from '../rule.js';

/** How a figure is written; a family of figures should use one notation per report. */
interface Notation {
  family: 'percent' | 'large';
  name: Localized;
}

const NOTATIONS: Record<string, Notation> = {
  sign: { family: 'percent', name: loc('“95%”', '"95%"') },
  word: { family: 'percent', name: loc('“百分之九十五”', '"百分之九十五"') },
  grouped: { family: 'large', name: loc('带千位分隔符（“1,200”）', 'with a thousands separator ("1,200")') },
  plain: { family: 'large', name: loc('不带分隔符（“1200”）', 'without separators ("1200")') },
};

// 百分之…; 95%; a count ≥ 1000 followed by a measure word (so never a year, the 12345 hotline or a phone number).
const PATTERN = /百分之[零〇一二三四五六七八九十百点]+|(?<![\d.,])\d+(?:\.\d+)?%|(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{4,})(?:\.\d+)?(?=[件宗起单次场期轮名人位个家所处份册本批元户亩米天项条])/g;

export const numberNotationMixed: Rule = {
  meta: {
    id: 'number-notation-mixed',
    category: 'wording',
    severity: 'warning',
    description: loc('同一类数字混用不同写法：百分数既写“95%”又写“百分之九十五”，大数既写“1,200”又写“1200”。', 'One family of figures in two notations: 95% and 百分之九十五, or 1,200 and 1200.'),
    why: loc(
      'GB/T 15835 要求同一文件中同类数字写法一致。多人分头起草、再拼成一份报告时最容易出现这种不一致。',
      'GB/T 15835 asks for one notation per family of figures in a document; reports drafted by several people and pasted together mix them.',
    ),
    fix: loc('按报告中多数的写法统一（公文中大数一般不加千位分隔符，百分数用“%”）。', 'Use the notation most of the report uses (公文 usually write 1200 and 95%).'),
    example: { bad: '发放资料1,200份，覆盖群众3500人。', good: '发放资料1200份，覆盖群众3500人。' },
  },
  check({ views, report }) {
    const seen: { kind: string; block: ProseBlock; start: number; end: number; text: string }[] = [];
    for (const { block, match, offset } of views.proseMatches(PATTERN)) {
      const text = match[0];
      let kind: string;
      if (text.startsWith('百分之')) kind = 'word';
      else if (text.endsWith('%')) kind = 'sign';
      else kind = match[1]!.includes(',') ? 'grouped' : 'plain';
      seen.push({ kind, block, start: offset, end: offset + text.length, text });
    }
    for (const family of ['percent', 'large'] as const) {
      const members = seen.filter((s) => NOTATIONS[s.kind]!.family === family);
      const counts = new Map<string, number>();
      for (const m of members) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
      if (counts.size < 2) continue;
      // The majority wins; on a tie, the notation 公文 prefer (sign, plain).
      const majority = [...counts].sort((a, b) => b[1] - a[1] || (['sign', 'plain'].includes(a[0]) ? -1 : 1))[0]![0];
      const first = members.find((m) => m.kind === majority)!;
      for (const m of members.filter((x) => x.kind !== majority)) {
        const mine = NOTATIONS[m.kind]!.name;
        const theirs = NOTATIONS[majority]!.name;
        const at = locate(first.block.chapter, first.start, first.end);
        report({
          ...locate(m.block.chapter, m.start, m.end),
          message: loc(`“${m.text}”的写法${mine.zh}与报告其他地方${theirs.zh}不一致。`, `"${m.text}" is written ${mine.en}, unlike the rest of the report, ${theirs.en}.`),
          hint: loc(`统一为${theirs.zh}。`, `Write it ${theirs.en}.`),
          related: [{ ...at, message: loc(`“${first.text}”`, `"${first.text}"`) }],
        });
      }
    }
  },
};
