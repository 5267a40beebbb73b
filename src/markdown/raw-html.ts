import type { Html, Root } from 'mdast';
import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';

/** Element nesting raw HTML may open. A report's deepest use, a table cell with emphasis, is about six. */
export const MAX_HTML_NESTING = 100;

export const htmlTooDeep = defineDiagnostic({
  id: 'html-too-deep',
  category: 'markdown',
  severity: 'error',
  fixedSeverity: true,
  description: loc(`章节里的 HTML 标签嵌套超过 ${MAX_HTML_NESTING} 层。`, `HTML tags in a chapter are nested more than ${MAX_HTML_NESTING} levels deep.`),
  why: loc('报告里的 HTML（如合并单元格的表格）只有几层；上百层是粘贴错误，会让生成网页时出错。', 'HTML in a report (a table with merged cells) is a few levels deep; hundreds are a pasting accident and break the HTML output.'),
  fix: loc('删去多余的标签，或改用 Markdown。', 'Remove the extra tags, or use Markdown.'),
}, {
  tooDeep: {
    message: loc(`章节里的 HTML 标签嵌套超过 ${MAX_HTML_NESTING} 层。`, `HTML tags in the chapter are nested more than ${MAX_HTML_NESTING} levels deep.`),
    hint: loc('多半是从网页或 Word 粘贴带进来的标签，删去多余的标签或改用 Markdown。', 'Usually tags pasted from a web page or Word: remove the extra tags or use Markdown.'),
  },
});

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** End tags HTML lets a writer leave out: an unclosed <td> or <li> does not nest. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup', 'option', 'optgroup', 'rt', 'rp']);

/**
 * The HTML renderer walks the parsed raw HTML recursively (hast-util-raw, sanitize, to-html):
 * thousands of nested tags, which no report has but a paste or an attack can, would overflow
 * the stack. Counted over the whole chapter in order, because raw HTML pieces in separate
 * Markdown blocks still nest into each other.
 */
export function guardRawHtml(root: Root, file: string): Diagnostic[] {
  const nodes: Html[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'html') nodes.push(node as Html);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(root);
  let depth = 0;
  for (const node of nodes) {
    for (const m of node.value.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*?)?(\/?)>/g)) {
      const name = m[2]!.toLowerCase();
      if (VOID.has(name) || OPTIONAL_END.has(name) || m[3]) continue;
      depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
      if (depth > MAX_HTML_NESTING) {
        return [htmlTooDeep.at({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }, 'tooDeep')];
      }
    }
  }
  return [];
}
