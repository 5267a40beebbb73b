/**
 * parseMarkdown skips GFM's literal-autolink pass for a text that cannot hold a literal link: the
 * tree must be the one remark-parse with remark-gfm gives, links found wherever they are written,
 * escaped or spelled as character references.
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/markdown/parse.js';
import { exampleFiles } from './helpers.js';

const reference = unified().use(remarkParse).use(remarkGfm);
const parsedByGfm = (text: string) => reference.runSync(reference.parse(text));

const LINKS = [
  '详见 www.gov.cn 。',
  '详见 WWW.GOV.CN 与 Https://example.org/a?b=1。',
  '来信请寄 sfs@example.org，或 mailto:sfs@example.org，xmpp:a@b.cn/x。',
  '转义后仍是网址：www\\.gov\\.cn，https\\://example.org。',
  '字符引用：sfs&#64;example.org，&#119;ww.gov.cn，http&#x3a;//example.org。',
  '| 名称 | 网址 |\n| --- | --- |\n| 政府网 | www.gov.cn |\n',
  '# 标题 www.gov.cn\n\n- 列表 a@b.cn\n',
];

describe('parseMarkdown', () => {
  it('finds literal links however they are written, as remark-gfm does', () => {
    const links = (text: string) => JSON.stringify(parseMarkdown(text)).match(/"type":"link"/g)?.length ?? 0;
    for (const text of LINKS) {
      expect(parseMarkdown(text)).toEqual(parsedByGfm(text));
      expect(links(text), text).toBeGreaterThan(0);
    }
  });

  it('gives remark-gfm\'s tree for the example report\'s chapters and for generated texts', async () => {
    const files = await exampleFiles();
    for (const [name, text] of Object.entries(files)) if (name.endsWith('.md')) expect(parseMarkdown(text)).toEqual(parsedByGfm(text));
    const piece = fc.constantFrom('依法', '行政', 'w', 'ww', 'www', '.', '@', ':', '/', 'http', 's', '&', '#64;', '\\', ' ', '\n', '*', '[', ']', '(', ')', '|', '-', 'a', '1');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      expect(parseMarkdown(text)).toEqual(parsedByGfm(text));
    }), { numRuns: 400 });
  });
});
