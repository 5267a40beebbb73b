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

export const htmlUnclosed = defineDiagnostic({
  id: 'html-unclosed',
  category: 'markdown',
  severity: 'error',
  fixedSeverity: true,
  description: loc('“<!--”“<script>”“<pre>”等开了头却没有结束，后面的内容全被吞掉。', 'A "<!--", "<script>", "<pre>" or the like is opened and never closed, swallowing everything after it.'),
  why: loc('按 Markdown 的规则，没有结束的注释或标签一直延续到章节末尾：后面的正文会从所有输出中悄悄消失。lawreport init 生成的每一章都以注释开头，删掉一个“-->”就够了。', 'By the rules of Markdown an unclosed comment or tag runs to the end of the chapter: the text after it silently vanishes from every output. Every chapter lawreport init writes starts with a comment, so deleting one "-->" is enough.'),
  fix: loc('补上结束标记（“-->”“</script>”等），或删去开头的标记。', 'Add the closing mark ("-->", "</script>", …), or delete the opening one.'),
  example: { bad: '<!-- 说明\n\n执法力量不足。\n', good: '<!-- 说明 -->\n\n执法力量不足。\n' },
}, {
  unclosed: {
    message: (d: { open: string; close: string }) =>
      loc(`“${d.open}”没有配对的“${d.close}”：从这里到末尾的内容都不会出现在输出里。`, `"${d.open}" has no matching "${d.close}": everything from here to the end would be left out of the outputs.`),
    hint: (d: { open: string; close: string }) => loc(`在说明文字后面补上“${d.close}”，或删去“${d.open}”。`, `Add "${d.close}" after the note, or delete "${d.open}".`),
  },
  spans: {
    message: (d: { open: string; close: string }) =>
      loc(`“${d.open}”直到隔了空行之后的“${d.close}”才结束：中间的正文都不会出现在输出里。`, `"${d.open}" runs past a blank line to the next "${d.close}": the text in between would be left out of the outputs.`),
    hint: (d: { open: string; close: string }) => loc(`删去“${d.open}”，或在同一段里用“${d.close}”结束它。`, `Delete "${d.open}", or end it with "${d.close}" in the same paragraph.`),
  },
});

/**
 * The HTML blocks CommonMark ends only at their closing mark (kinds 1–5 of its spec), by their
 * opening: each one not closed runs to the end of its container and takes the text with it.
 */
const SWALLOWING: { open: RegExp; close: (m: RegExpExecArray) => string; oneParagraph?: boolean }[] = [
  { open: /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i, close: (m) => `</${m[1]!.toLowerCase()}>` },
  { open: /^ {0,3}<!--/, close: () => '-->' },
  // A processing instruction, CDATA or declaration never belongs in a report; across a blank line it hides whole paragraphs.
  { open: /^ {0,3}<\?/, close: () => '?>', oneParagraph: true },
  { open: /^ {0,3}<!\[CDATA\[/, close: () => ']]>', oneParagraph: true },
  { open: /^ {0,3}<![a-zA-Z]/, close: () => '>', oneParagraph: true },
];

/** Block-level raw HTML that opens a comment, a <script> or the like and never closes it. */
export function unclosedHtml(root: Root, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    for (const child of (node.children ?? []) as { type: string; value?: string; children?: unknown[]; position?: Html['position'] }[]) {
      if (child.type === 'html') {
        const value = child.value ?? '';
        for (const kind of SWALLOWING) {
          const m = kind.open.exec(value);
          if (!m) continue;
          const close = kind.close(m);
          const rest = value.slice(m[0].length);
          const end = rest.toLowerCase().indexOf(close);
          const at = { file, line: child.position?.start.line ?? 1, column: child.position?.start.column ?? 1 };
          if (end < 0) found.push(htmlUnclosed.at(at, 'unclosed', { open: m[0].trim(), close }));
          else if (kind.oneParagraph && /\n[ \t]*\n/.test(rest.slice(0, end))) found.push(htmlUnclosed.at(at, 'spans', { open: m[0].trim(), close }));
          break;
        }
      } else if (child.type !== 'paragraph' && child.type !== 'heading' && child.type !== 'tableCell') {
        // Raw HTML inside a paragraph is inline: an unclosed "<!--" there stays visible as text.
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

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
  const unclosed = unclosedHtml(root, file);
  if (unclosed.length > 0) return unclosed;
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
