import type { Heading, Root, RootContent } from 'mdast';
import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { stripHeadingNumber } from '../profile/match.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseNumeral(rest) : chineseNumeral(rest));
  }
  return String(n);
}

/** GB/T 9704 7.3.3: 「一、」 chapter, then 「（一）」, 「1.」, 「（1）」. */
export function headingNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

export interface NumberedHeadingData {
  /** 2–4: 「（一）」, 「1.」, 「（1）」; deeper headings get no number. */
  level: number;
  number: string;
}

/** The number this compiler put in front of a heading, if any. */
export function numberOf(heading: Heading): NumberedHeadingData | undefined {
  return (heading.data as { lawreport?: NumberedHeadingData } | undefined)?.lawreport;
}

/**
 * Numbers the sub-headings of one chapter body in place (## → （一）, ### → 1., #### → （1））.
 * A number the writer typed is removed first, so nothing is numbered twice; an info says so.
 * Returns the chapter title when the body opens with "# 标题" (removed from the body).
 */
export function numberHeadings(root: Root, file: string): { title?: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const counters = [0, 0, 0, 0, 0];
  let title: string | undefined;

  const first = root.children.find((n) => n.type !== 'html' || !/^<!--/.test(n.value));
  if (first?.type === 'heading' && first.depth === 1) {
    title = stripHeadingNumber(plainText(first)).text.trim();
    root.children.splice(root.children.indexOf(first), 1);
  }

  for (const node of root.children as RootContent[]) {
    if (node.type !== 'heading') continue;
    let depth: number = node.depth;
    if (depth === 1) {
      diagnostics.push(diag('heading-level', 'warning', position(node, file), loc(
        '章节正文中的一级标题（#）按二级标题（##）处理；章节标题由提纲给出。',
        'A level-1 heading (#) inside a chapter body is treated as ## ; the outline gives chapter titles.',
      ), { hint: loc('把“#”改为“##”。', 'Change "#" to "##".') }));
      depth = 2;
    }
    if (depth > 4) continue;
    const level = depth as 2 | 3 | 4;
    counters[level]!++;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    const typed = removeTypedNumber(node);
    if (typed) {
      diagnostics.push(diag('heading-typed-number', 'info', position(node, file), loc(
        `标题里手写的编号“${typed}”已去掉，编号由 lawreport 生成。`,
        `The typed number "${typed}" was removed from the heading; lawreport generates numbering.`,
      ), { hint: loc('删去源文件中的手写编号。', 'Remove the typed number from the source.') }));
    }
    const number = headingNumber(level, counters[level]!);
    node.data = { ...(node.data ?? {}), lawreport: { level, number } } as Heading['data'];
    node.children.unshift({ type: 'text', value: number });
  }
  return { title, diagnostics };
}

function removeTypedNumber(heading: Heading): string | undefined {
  const first = heading.children[0];
  if (first?.type !== 'text') return undefined;
  const { text, number } = stripHeadingNumber(first.value);
  if (!number) return undefined;
  first.value = text;
  return number;
}

export function plainText(node: object): string {
  const n = node as { children?: object[]; value?: unknown };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map((c) => plainText(c)).join('');
}

function position(node: RootContent, file: string) {
  return { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
