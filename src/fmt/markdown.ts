import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { MUSTACHE } from '../source/mustache.js';
import { guardMarkdown } from '../markdown/guard.js';

/** Placeholders for {{…}}: one Private Use Area character each, which remark never escapes or splits. */
const FIRST = 0xe100;
const LAST = 0xf8ff;

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    incrementListMarker: true,
  });

/**
 * The stable form of a chapter: what remark-stringify writes for it. Handlebars expressions are
 * swapped for placeholders before parsing and put back after, so they survive byte for byte
 * (remark would otherwise escape the `_` or `*` inside them). Returns the text unchanged when it
 * cannot be formatted safely (more expressions than placeholders, or placeholders already present).
 */
export function formatMarkdown(text: string): string {
  // Text the compiler would refuse or defuse (see markdown/guard.ts) is left exactly as it is.
  if (/[\ue100-\uf8ff]/.test(text) || guardMarkdown(text, '').diagnostics.length > 0) return text;
  const saved: string[] = [];
  const protectedText = text.replace(MUSTACHE, (m) => {
    saved.push(m);
    return String.fromCharCode(FIRST + saved.length - 1);
  });
  if (saved.length > LAST - FIRST) return text;
  const tree = processor.parse(protectedText) as Root;
  const out = processor.stringify(tree);
  const restored = out.replace(/[\ue100-\uf8ff]/g, (c) => saved[c.charCodeAt(0) - FIRST]!);
  // Every expression must come back exactly once, in order; otherwise leave the file alone.
  const back = restored.match(MUSTACHE) ?? [];
  if (back.length !== saved.length || back.some((m, i) => m !== saved[i])) return text;
  return restored;
}
