import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { parseYaml } from '../source/yaml.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The text with the front matter replaced by blank lines, so line numbers still match the file. */
  body: string;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export const frontMatterError = defineDiagnostic({
  id: 'front-matter',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  description: loc('章节文件开头的前置信息（--- 之间）写错了。', 'The front matter (between ---) at the top of a chapter file is malformed.'),
  why: loc('前置信息决定章节对应提纲的哪一章。', 'The front matter decides which outline chapter the file is.'),
  fix: loc('前置信息写成“键: 值”，并用一行“---”结束。', 'Write "key: value" lines and close them with a "---" line.'),
  example: { bad: '---\nid: measures\n\n## 主要举措\n', good: '---\nid: measures\n---\n\n## 主要举措\n' },
}, {
  unclosed: {
    message: loc('文件开头的“---”没有对应的结束行“---”。', 'The "---" at the top of the file has no closing "---" line.'),
    hint: loc('在前置信息（如 id: measures）之后加一行“---”。', 'Add a "---" line after the front matter (such as id: measures).'),
  },
  notMapping: { message: loc('前置信息必须是“键: 值”的形式。', 'Front matter must be a mapping of "key: value" lines.') },
});

/** Splits "---\nkey: value\n---\n" off the top of a Markdown file. */
export function splitFrontMatter(text: string, file: string): { result: FrontMatter; diagnostics: Diagnostic[] } {
  const open = OPEN.exec(text);
  if (!open) return { result: { data: {}, body: text }, diagnostics: [] };
  const close = /^(---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const match = close.exec(rest);
  if (!match) {
    return {
      result: { data: {}, body: text },
      diagnostics: [frontMatterError.at({ file, line: 1, column: 1 }, 'unclosed')],
    };
  }
  const yamlText = rest.slice(0, match.index);
  const end = open[0].length + match.index + match[0].length;
  const blanked = text.slice(0, end).replace(/[^\n]/g, '') + text.slice(end);
  // Parse with one blank line in front so YAML positions are file positions.
  const parsed = parseYaml('\n' + yamlText, file);
  // A YAML error in front matter is a front-matter problem: its id, its docs.
  const diagnostics = parsed.diagnostics.map((d) => frontMatterError.adopt(d));
  const value = parsed.doc?.value;
  if (parsed.doc && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    diagnostics.push(frontMatterError.at({ file, line: 2, column: 1 }, 'notMapping'));
  }
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { result: { data, body: blanked }, diagnostics };
}
