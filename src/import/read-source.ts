import { diag, loc, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
import { stripControlCharacters } from '../load/control-chars.js';
import { decodeText } from '../io/decode.js';
import { normalizeLine, textLines, unflatten } from './normalize.js';
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
        diagnostics: [diag('import-unreadable', 'error', at1, loc(
          '无法读取这个 DOCX 文件：它可能已损坏，或不是 Word 文档。', `Cannot read the DOCX file: ${(error as Error).message}`,
        ), { hint: loc('用 Word 或 WPS 打开后另存为 .docx 再试，或另存为纯文本。', 'Open it in Word or WPS and save it again as .docx, or as plain text.') })],
      };
    }
  }
  const decoded = decodeText(bytes, encoding);
  if (!decoded.ok) {
    return {
      diagnostics: [diag('import-encoding', 'error', at1, decoded.encoding
        ? loc(`文件不是有效的 ${decoded.encoding} 编码文本。`, `The file is not valid ${decoded.encoding} text.`)
        : loc('无法确定文件的编码：既不是 UTF-8（含 BOM、UTF-16），也不是 GB18030/GBK。', 'Cannot tell the file\'s encoding: it is neither UTF-8 (with BOM, UTF-16) nor GB18030/GBK.'),
      { hint: loc('用 --encoding 指定编码，如 --encoding big5；或在记事本中另存为 UTF-8。', 'Name the encoding with --encoding, e.g. --encoding big5; or save it as UTF-8.') })],
    };
  }
  let lines = 0;
  for (let at = decoded.text.indexOf('\n'); at >= 0; at = decoded.text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_IMPORT_PARAGRAPHS) {
    const nonEmpty = decoded.text.split('\n').filter((l) => l.trim()).length;
    if (nonEmpty > MAX_IMPORT_PARAGRAPHS) {
      return {
        diagnostics: [diag('import-too-large', 'error', at1, loc(`文件有 ${nonEmpty} 行文字，超过导入上限 ${MAX_IMPORT_PARAGRAPHS} 行，没有转换。`, `The file has ${nonEmpty} lines of text, over the import limit of ${MAX_IMPORT_PARAGRAPHS}; it was not converted.`), {
          hint: loc('确认选对了文件；过长的文档可以拆成几份再导入。', 'Check it is the right file; split an over-long document and import the parts.'),
        })],
      };
    }
  }
  const { text, diagnostics: warnings } = stripControlCharacters(decoded.text, file);
  return { lines: textLines(text, /\.(md|markdown)$/i.test(file)), encoding: decoded.encoding, unit: loc('行', 'line'), warnings };
}
