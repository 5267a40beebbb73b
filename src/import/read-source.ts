import { loc, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
import { stripControlCharacters } from '../load/control-chars.js';
import { decodeText } from '../io/decode.js';
import { normalizeLine, textLines, unflatten } from './normalize.js';
import { importEncoding, importTooLarge, importUnreadable } from './diagnostics.js';
import { MAX_IMPORT_PARAGRAPHS } from './limits.js';
import type { SourceLine } from './source-line.js';

export interface SourceText {
  lines: SourceLine[];
  /** The text encoding found (TXT and Markdown only). */
  encoding?: string;
  /** What a line number counts: lines of a text file, paragraphs of a DOCX. */
  unit: Localized;
  /** Control characters removed on the way (see load/control-chars.ts). */
  warnings: Diagnostic[];
}

/** The lines of a DOCX, TXT or Markdown file, decoded and normalised; or why it cannot be read. */
export async function readSource(bytes: Uint8Array, file: string, encoding?: string): Promise<SourceText | { diagnostics: Diagnostic[] }> {
  const at1 = { file, line: 1, column: 1 };
  if (/\.docx$/i.test(file)) {
    const { readDocx } = await import('./read-docx.js');
    try {
      const read = await readDocx(bytes, file);
      if (!Array.isArray(read)) return { diagnostics: [read] };
      const lines = read.flatMap((l) => unflatten(l.text).map((text) => ({ ...l, text: normalizeLine(text) }))).filter((l) => l.text);
      return { lines, unit: loc('段', 'paragraph'), warnings: [] };
    } catch (error) {
      return {
        diagnostics: [importUnreadable.at(at1, 'damaged', { reason: (error as Error).message })],
      };
    }
  }
  const decoded = decodeText(bytes, encoding);
  if (!decoded.ok) {
    return {
      diagnostics: [decoded.encoding ? importEncoding.at(at1, 'invalid', { encoding: decoded.encoding }) : importEncoding.at(at1, 'unknown')],
    };
  }
  let lines = 0;
  for (let at = decoded.text.indexOf('\n'); at >= 0; at = decoded.text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_IMPORT_PARAGRAPHS) {
    const nonEmpty = decoded.text.split('\n').filter((l) => l.trim()).length;
    if (nonEmpty > MAX_IMPORT_PARAGRAPHS) {
      return {
        diagnostics: [importTooLarge.at(at1, 'lines', { count: nonEmpty, limit: MAX_IMPORT_PARAGRAPHS })],
      };
    }
  }
  const { text, diagnostics: warnings } = stripControlCharacters(decoded.text, file);
  return { lines: textLines(text, /\.(md|markdown)$/i.test(file)), encoding: decoded.encoding, unit: loc('行', 'line'), warnings };
}
