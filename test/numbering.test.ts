import { describe, expect, it } from 'vitest';
import { chineseNumeral, headingNumber, numberHeadings } from '../src/markdown/numbering.js';
import { plainText } from '../src/markdown/plain-text.js';
import { parseMarkdown } from '../src/markdown/parse.js';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [99, '九十九'], [100, '一百'], [105, '一百零五'], [110, '一百一十'],
  ])('%i → %s', (n, text) => expect(chineseNumeral(n)).toBe(text));
});

describe('headingNumber', () => {
  it('follows GB/T 9704 7.3.3', () => {
    expect([headingNumber(1, 3), headingNumber(2, 3), headingNumber(3, 3), headingNumber(4, 3)]).toEqual(['三、', '（三）', '3.', '（3）']);
  });
});

function headings(markdown: string) {
  const root = parseMarkdown(markdown);
  const result = numberHeadings(root);
  return { result, texts: root.children.filter((n) => n.type === 'heading').map((h) => plainText(h)) };
}

describe('numberHeadings', () => {
  it('numbers ##, ### and #### and restarts lower levels under each higher one', () => {
    const { texts } = headings('## 甲\n### 子一\n#### 孙\n#### 孙二\n### 子二\n## 乙\n### 子三\n');
    expect(texts).toEqual(['（一）甲', '1.子一', '（1）孙', '（2）孙二', '2.子二', '（二）乙', '1.子三']);
  });

  // That it says so is the rule heading-typed-number's (test/rules-headings.test.ts), on the source.
  it('does not number a heading twice when the writer typed a number', () => {
    const { texts } = headings('## （一）强化统筹推进\n## (二)健全机制\n### 1、落实制度\n### 2.规范审查\n');
    expect(texts).toEqual(['（一）强化统筹推进', '（二）健全机制', '1.落实制度', '2.规范审查']);
  });

  it('keeps figures that merely start a heading', () => {
    expect(headings('## 12345热线\n').texts).toEqual(['（一）12345热线']);
  });

  it('takes a leading # heading as the chapter title and removes it from the body', () => {
    const { result, texts } = headings('# 三、存在不足及原因\n\n正文\n\n## 甲\n');
    expect(result.title).toBe('存在不足及原因');
    expect(texts).toEqual(['（一）甲']);
  });
});
