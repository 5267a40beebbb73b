import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { LineIndex } from '../source/line-index.js';

// C0 controls other than tab, LF and CR, plus the non-characters U+FFFE/U+FFFF: none may appear in XML,
// and Word refuses a DOCX that has one. NUL becomes U+FFFD (visible); the rest are dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const controlCharacter = defineDiagnostic({
  id: 'control-character',
  category: 'load',
  severity: 'warning',
  description: loc('源文件里有不可见的控制字符，已删除。', 'A source file holds invisible control characters, which were removed.'),
  why: loc('DOCX 和 HTML 都不能带这些字符，Word 会拒绝打开含有它们的文件。', 'Neither DOCX nor HTML may carry them; Word refuses a file that has one.'),
  fix: loc('在源文件中删去它们（多半是从网页或聊天软件粘贴来的）。', 'Delete them from the source (usually pasted from a web page or a chat app).'),
}, {
  found: {
    message: (d: { line: number; code: string; nul: boolean }) => loc(
      `第 ${d.line} 行有不可见的控制字符（${d.code}），已${d.nul ? '替换为“\uFFFD”' : '删除'}。`,
      `Line ${d.line} has an invisible control character (${d.code}); it was ${d.nul ? 'replaced by U+FFFD' : 'removed'}.`,
    ),
    hint: loc('多半是从网页或聊天软件粘贴来的，在源文件中删去即可。', 'Usually pasted from a web page or chat app; delete it from the source.'),
  },
});

/** Removes characters no output may carry, with one warning per line that had any. */
export function stripControlCharacters(text: string, file: string): { text: string; diagnostics: Diagnostic[] } {
  FORBIDDEN.lastIndex = 0;
  if (!FORBIDDEN.test(text)) return { text, diagnostics: [] };
  const lines = new LineIndex(text);
  const reported = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  const cleaned = text.replace(FORBIDDEN, (ch, offset: number) => {
    const at = lines.position(offset);
    if (!reported.has(at.line)) {
      reported.add(at.line);
      const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      diagnostics.push(controlCharacter.at({ file, ...at }, 'found', { line: at.line, code, nul: ch === '\u0000' }));
    }
    return ch === '\u0000' ? '\uFFFD' : '';
  });
  return { text: cleaned, diagnostics };
}
