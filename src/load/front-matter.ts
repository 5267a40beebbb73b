import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml } from '../source/yaml.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The text with the front matter replaced by blank lines, so line numbers still match the file. */
  body: string;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

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
      diagnostics: [
        diag('front-matter', 'error', { file, line: 1, column: 1 }, loc(
          '文件开头的“---”没有对应的结束行“---”。',
          'The "---" at the top of the file has no closing "---" line.',
        ), { hint: loc('在前置信息（如 id: measures）之后加一行“---”。', 'Add a "---" line after the front matter (such as id: measures).') }),
      ],
    };
  }
  const yamlText = rest.slice(0, match.index);
  const end = open[0].length + match.index + match[0].length;
  const blanked = text.slice(0, end).replace(/[^\n]/g, '') + text.slice(end);
  // Parse with one blank line in front so YAML positions are file positions.
  const parsed = parseYaml('\n' + yamlText, file);
  const diagnostics = parsed.diagnostics.map((d) => ({ ...d, ruleId: 'front-matter' }));
  const value = parsed.doc?.value;
  if (parsed.doc && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    diagnostics.push(
      diag('front-matter', 'error', { file, line: 2, column: 1 }, loc(
        '前置信息必须是“键: 值”的形式。', 'Front matter must be a mapping of "key: value" lines.')),
    );
  }
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { result: { data, body: blanked }, diagnostics };
}
