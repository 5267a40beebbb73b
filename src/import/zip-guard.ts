/**
 * Refuses a hostile DOCX before mammoth reads it. The check uses JSZip, the very parser mammoth
 * unzips with, so it measures what mammoth would inflate (the central directory's entries at
 * their real offsets, overlapping ones included) rather than a second parser's idea of the file.
 * Sizes are counted while inflating, never taken from the headers, and inflation stops as soon
 * as a cap is passed: a zip bomb costs a few megabytes and a fraction of a second.
 */
import JSZip from 'jszip';
import { diag, loc, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
import { MAX_IMPORT_PARAGRAPHS } from './limits.js';

export const DOCX_LIMITS = {
  /** A long report with many images has a few hundred entries. */
  entries: 1000,
  /** Inflated bytes of all entries together. */
  totalBytes: 100 * 1024 * 1024,
  /** Inflated ÷ compressed, checked once an entry passes ratioFloor bytes (text XML stays below ~50). */
  ratio: 200,
  ratioFloor: 10 * 1024 * 1024,
  /** Paragraphs (<w:p>) in the document's parts, counted while inflating, before mammoth converts anything. */
  paragraphs: MAX_IMPORT_PARAGRAPHS,
};

const MB = 1024 * 1024;
/** The OLE compound-file signature: Word's password-protected .docx, or an old .doc renamed. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Undefined when the zip is safe to hand to mammoth; otherwise why it is refused. */
export async function guardDocx(bytes: Uint8Array, file: string, limits = DOCX_LIMITS): Promise<Diagnostic | undefined> {
  const at = { file, line: 1, column: 1 };
  const refuse = (message: Localized) => diag('import-docx-unsafe', 'error', at, message, {
    hint: loc('这不像 Word 保存的文档。请用 Word 或 WPS 打开原件后另存为 .docx，或另存为纯文本再导入。', 'This does not look like a document Word saved. Open the original in Word or WPS and save it again as .docx, or as plain text.'),
  });
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return diag('import-docx-encrypted', 'error', at, loc(
      '文件设置了打开密码，或是改了扩展名的旧版 .doc 文档，无法读取。',
      'The file is password-protected, or is an old .doc renamed to .docx; it cannot be read.',
    ), { hint: loc('在 Word 或 WPS 中去掉打开密码（或把 .doc 另存为 .docx）后再导入。', 'Remove the password in Word or WPS (or save the .doc as .docx) and import again.') });
  }

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return unreadable(at, /encrypted/i.test((error as Error).message)
      ? loc('压缩包中的文件是加密的，无法读取。', 'The zip entries are encrypted; they cannot be read.')
      : loc('文件不是有效的 DOCX（ZIP 压缩包）：它可能已损坏、不完整，或不是 Word 文档。', 'The file is not a valid DOCX (zip archive): it may be damaged, truncated, or not a Word document.'));
  }

  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.entries) {
    return refuse(loc(`压缩包中有 ${entries.length} 个文件，超过上限 ${limits.entries} 个。`, `The archive holds ${entries.length} files, more than the limit of ${limits.entries}.`));
  }
  for (const entry of entries) {
    const name = entry.unsafeOriginalName ?? entry.name;
    if (!isSafeEntryName(name)) {
      return refuse(loc(`压缩包中有不安全的文件名“${printable(name)}”（含“..”、绝对路径、盘符、反斜杠或空字符）。`, `The archive has an unsafe entry name "${printable(name)}" (with "..", an absolute path, a drive letter, a backslash or NUL).`));
    }
  }
  if (!zip.file('word/document.xml')) {
    return unreadable(at, loc('压缩包中没有正文部分 word/document.xml：这不是 Word 文档。', 'The archive has no word/document.xml: it is not a Word document.'));
  }

  const tooLarge = () => refuse(loc(`压缩包解压后超过 ${sizeText(limits.totalBytes)} 上限（疑似“压缩炸弹”），已停止解压。`, `The archive inflates to more than the ${sizeText(limits.totalBytes)} limit (a likely zip bomb); inflation stopped.`));
  // An honest header that claims too much is refused without inflating; a lying one is caught by counting.
  if (entries.reduce((n, e) => n + (sizesOf(e)?.uncompressed ?? 0), 0) > limits.totalBytes) return tooLarge();
  let total = 0;
  let paragraphs = 0;
  for (const entry of entries) {
    const counter = /^word\/[^/]+\.xml$/.test(entry.name) ? paragraphCounter() : undefined;
    const counted = await inflate(entry, limits.totalBytes - total, limits, counter?.add);
    paragraphs += counter?.count() ?? 0;
    if (counted === 'error') return unreadable(at, loc(`压缩包中的“${printable(entry.name)}”已损坏，无法解压。`, `"${printable(entry.name)}" in the archive is damaged and cannot be inflated.`));
    if (counted === 'ratio') {
      return refuse(loc(`压缩包中的“${printable(entry.name)}”压缩比超过 ${limits.ratio} 倍，疑似“压缩炸弹”，已停止解压。`, `"${printable(entry.name)}" in the archive inflates more than ${limits.ratio}× its compressed size (a likely zip bomb); inflation stopped.`));
    }
    if (counted === 'total') return tooLarge();
    total += counted;
  }
  if (paragraphs > limits.paragraphs) {
    return diag('import-too-large', 'error', at, loc(`文档有 ${paragraphs} 段，超过导入上限 ${limits.paragraphs} 段（200 页的报告约 8000 段），没有转换。`, `The document has ${paragraphs} paragraphs, over the import limit of ${limits.paragraphs} (a 200-page report has about 8,000); it was not converted.`), {
      hint: loc('确认选对了文件；过长的文档可以拆成几份再导入。', 'Check it is the right file; split an over-long document and import the parts.'),
    });
  }
  return undefined;
}

/** Counts `<w:p>` and `<w:p …>` (not <w:pPr>) in chunks of XML, a tag cut between two chunks included. */
function paragraphCounter() {
  let count = 0;
  let tail = '';
  return {
    add(chunk: Buffer) {
      const text = tail + chunk.toString('latin1');
      for (let at = text.indexOf('<w:p'); at >= 0 && at + 4 < text.length; at = text.indexOf('<w:p', at + 4)) {
        const next = text[at + 4];
        if (next === '>' || next === ' ' || next === '/' || next === '\t' || next === '\n' || next === '\r') count++;
      }
      tail = text.slice(-4);
    },
    count: () => count,
  };
}

/** A relative path of plain segments, as a zip written by Word has. */
export function isSafeEntryName(name: string): boolean {
  return !/[\\\0]/.test(name) && !name.startsWith('/') && !/^[A-Za-z]:/.test(name) && !name.split('/').includes('..');
}

/** Inflated bytes of one entry, counted chunk by chunk; stops at the first cap passed. */
function inflate(entry: JSZip.JSZipObject, budget: number, limits: typeof DOCX_LIMITS, onChunk?: (chunk: Buffer) => void): Promise<number | 'total' | 'ratio' | 'error'> {
  const compressed = sizesOf(entry)?.compressed;
  return new Promise((resolve) => {
    let n = 0;
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    const stop = (why: 'total' | 'ratio' | 'error') => {
      stream.destroy();
      resolve(why);
    };
    stream.on('data', (chunk: Buffer) => {
      onChunk?.(chunk);
      n += chunk.length;
      if (n > budget) stop('total');
      else if (compressed !== undefined && n > limits.ratioFloor && n > compressed * limits.ratio) stop('ratio');
    });
    stream.on('error', () => stop('error'));
    stream.on('end', () => resolve(n));
  });
}

/** The central directory's sizes, which JSZip keeps on the entry's (untyped) data object. */
function sizesOf(entry: JSZip.JSZipObject): { compressed: number; uncompressed: number } | undefined {
  const data = (entry as unknown as { _data?: { compressedSize?: unknown; uncompressedSize?: unknown } })._data;
  const ok = (n: unknown): n is number => typeof n === 'number' && n >= 0;
  return ok(data?.compressedSize) && ok(data?.uncompressedSize) ? { compressed: data.compressedSize, uncompressed: data.uncompressedSize } : undefined;
}

function unreadable(at: { file: string; line: number; column: number }, message: Localized): Diagnostic {
  return diag('import-unreadable', 'error', at, message, {
    hint: loc('用 Word 或 WPS 打开后另存为 .docx 再试，或另存为纯文本。', 'Open it in Word or WPS and save it again as .docx, or as plain text.'),
  });
}

const sizeText = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1024} KB`);

/** Entry names come from the attacker: show them escaped and short. */
function printable(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name).slice(1, -1);
}
