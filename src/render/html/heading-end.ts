import type { Element, ElementContent, Text } from 'hast';

/**
 * Headings never end on a line of one character (「……公正文明执 / 法」 on a phone): the last two
 * characters of a heading, with any closing marks after them, are joined by a span that does not
 * wrap. CSS `text-wrap: pretty` does the same in browsers that have it; the span holds in every
 * browser a report is read in (WeChat's, older phones').
 */

/** Marks that stick to the character before them: a line never starts with one anyway. */
const CLOSING = /[）)」』”’》〉】〕。，、；：！？…—\s]/u;

/** Where the unbreakable end of `text` starts, or undefined when it is too short to split. */
export function endStart(text: string): number | undefined {
  const chars = Array.from(text);
  let i = chars.length;
  let kept = 0;
  while (i > 0 && kept < 2) {
    i--;
    if (!CLOSING.test(chars[i]!)) kept++;
  }
  // Nothing in front to break from: a heading of two characters has no line to leave one alone on.
  if (kept < 2 || i === 0) return undefined;
  return chars.slice(0, i).join('').length;
}

/** A heading's escaped text with its end held together (page.ts builds chapter headings and the table of contents as text). */
export function headingEndHtml(text: string, esc: (s: string) => string): string {
  const at = endStart(text);
  return at === undefined ? esc(text) : `${esc(text.slice(0, at))}<span class="heading-end">${esc(text.slice(at))}</span>`;
}

/** The same on a heading element of a chapter body: its last text is split, whatever markup precedes it. */
export function holdHeadingEnd(heading: Element): void {
  let parent: Element = heading;
  for (;;) {
    const last = parent.children.at(-1);
    if (!last) return;
    if (last.type === 'element') {
      parent = last;
      continue;
    }
    if (last.type !== 'text') return;
    const at = endStart(last.value);
    if (at === undefined) return;
    const end: Element = { type: 'element', tagName: 'span', properties: { className: ['heading-end'] }, children: [{ type: 'text', value: last.value.slice(at) }] };
    const rest: ElementContent[] = [{ type: 'text', value: last.value.slice(0, at) } satisfies Text, end];
    parent.children.splice(parent.children.length - 1, 1, ...rest);
    return;
  }
}
