import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../source/line-index.js';

// C0 controls other than tab, LF and CR, plus the non-characters U+FFFE/U+FFFF: none may appear in XML,
// and Word refuses a DOCX that has one. NUL becomes U+FFFD (visible); the rest are dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

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
      diagnostics.push(diag('control-character', 'warning', { file, ...at }, loc(
        `第 ${at.line} 行有不可见的控制字符（${code}），已${ch === '\u0000' ? '替换为“\uFFFD”' : '删除'}。`,
        `Line ${at.line} has an invisible control character (${code}); it was ${ch === '\u0000' ? 'replaced by U+FFFD' : 'removed'}.`,
      ), { hint: loc('多半是从网页或聊天软件粘贴来的，在源文件中删去即可。', 'Usually pasted from a web page or chat app; delete it from the source.') }));
    }
    return ch === '\u0000' ? '\uFFFD' : '';
  });
  return { text: cleaned, diagnostics };
}
