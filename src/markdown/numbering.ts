import type { Heading, Root, RootContent } from 'mdast';
import { stripHeadingNumber } from '../profile/match.js';
import { leadingTitle, leadingTitleNode } from './leading-title.js';

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
 * A number the writer typed is removed first, so nothing is numbered twice; a stray # in the body
 * is numbered as ##. (The rules heading-typed-number and heading-level say so, on the source.)
 * Returns the chapter title when the body opens with "# 标题" (removed from the body).
 */
export function numberHeadings(root: Root): { title?: string } {
  const counters = [0, 0, 0, 0, 0];
  const first = leadingTitleNode(root);
  const title = first ? leadingTitle(root) : undefined;
  if (first) root.children.splice(root.children.indexOf(first), 1);

  for (const node of root.children as RootContent[]) {
    if (node.type !== 'heading') continue;
    const depth = Math.max(2, node.depth);
    if (depth > 4) continue;
    const level = depth as 2 | 3 | 4;
    counters[level]!++;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    removeTypedNumber(node);
    const number = headingNumber(level, counters[level]!);
    node.data = { ...(node.data ?? {}), lawreport: { level, number } } as Heading['data'];
    node.children.unshift({ type: 'text', value: number });
  }
  return { title };
}

/** The number a writer typed at the start of a heading ("（一）"), if any: what numbering removes. */
export function typedNumber(heading: Heading): string | undefined {
  const first = heading.children[0];
  return first?.type === 'text' ? stripHeadingNumber(first.value).number : undefined;
}

function removeTypedNumber(heading: Heading): void {
  const first = heading.children[0];
  if (first?.type === 'text') first.value = stripHeadingNumber(first.value).text;
}
