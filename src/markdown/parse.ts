import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Chapter Markdown → mdast (CommonMark + GFM tables, strikethrough, autolinks). NUL becomes U+FFFD. */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text.replace(/\u0000/g, '\uFFFD'))) as Root;
}
