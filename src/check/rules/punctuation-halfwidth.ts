import { loc } from '../../diagnostics/diagnostic.js';
import { CJK, HIDDEN } from '../prose.js';
import { wordingRule } from '../wording.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
const LATIN = /[A-Za-z0-9]/;

/** The pair of a bracket within the same block, if any. */
function partner(text: string, at: number): number {
  const open = text[at] === '(';
  let depth = 0;
  for (let i = at; open ? i < text.length : i >= 0; i += open ? 1 : -1) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '(' || c === ')') depth += (c === '(') === open ? 1 : -1;
    if (depth === 0) return i;
  }
  return -1;
}

export const punctuationHalfwidth = wordingRule(
  {
    id: 'punctuation-halfwidth',
    category: 'wording',
    severity: 'warning',
    fixable: true,
    description: loc('中文句子里用了半角标点 , ; : ( )。', 'Half-width , ; : ( ) inside Chinese text.'),
    why: loc(
      'GB/T 15834《标点符号用法》：中文行文用全角标点。半角逗号、括号在公文排版中字宽不对，发布后一眼可见，多是从英文输入法或网页复制带进来的。',
      'GB/T 15834: Chinese text takes full-width punctuation. Half-width commas and brackets have the wrong width in 公文 layout and stand out once published.',
    ),
    fix: loc(
      '改为全角 ，；：（）；lawreport fmt --fix 会自动改正。数字中的 1,200、10:30 和英文中的标点不会被改动。',
      'Use full-width ，；：（）; lawreport fmt --fix corrects them. Figures such as 1,200 or 10:30 and punctuation in English text are left alone.',
    ),
    example: { bad: '全年受理68件,调解成功66件(含诉前调解)。', good: '全年受理68件，调解成功66件（含诉前调解）。' },
  },
  /[,;:()]/g,
  (m, block) => {
    const c = m[0];
    const i = m.index;
    // A {{figure}} or `code` before the mark: judge by the prose in front of it.
    let j = i - 1;
    while (block.text[j] === HIDDEN) j--;
    const before = block.text[j] ?? '';
    const after = block.text[i + 1] ?? '';
    let chinese: boolean;
    if (c === '(' || c === ')') {
      const other = partner(block.text, i);
      if (other < 0) return undefined;
      const [a, b] = c === '(' ? [i, other] : [other, i];
      // A bracket pair is Chinese when it holds Chinese or hangs on Chinese text.
      chinese = CJK.test(block.text.slice(a + 1, b)) || CJK.test(block.text[a - 1] ?? '');
    } else {
      // Between two figures (1,200 / 10:30) or in Latin text, a half-width mark is right.
      chinese = CJK.test(before) || (CJK.test(after) && !LATIN.test(before));
    }
    if (!chinese) return undefined;
    return {
      message: loc(`中文中的半角“${c}”应为全角“${FULL[c]}”。`, `Half-width "${c}" in Chinese text should be full-width "${FULL[c]}".`),
      edit: { from: 0, to: 1, text: FULL[c]! },
    };
  },
);
