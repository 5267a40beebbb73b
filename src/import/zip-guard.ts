/**
 * Refuses a hostile DOCX before mammoth reads it. The check uses JSZip, the very parser mammoth
 * unzips with, so it measures what mammoth would inflate (the central directory's entries at
 * their real offsets, overlapping ones included) rather than a second parser's idea of the file.
 * Sizes are counted while inflating, never taken from the headers, and inflation stops as soon
 * as a cap is passed: a zip bomb costs a few megabytes and a fraction of a second.
 */
import JSZip from 'jszip';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { importDocxEncrypted, importDocxUnsafe, importTooLarge, importUnreadable } from './diagnostics.js';
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
  const at: Location = { file, line: 1, column: 1 };
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) return importDocxEncrypted.at(at, 'encrypted');

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return importUnreadable.at(at, /encrypted/i.test((error as Error).message) ? 'encryptedEntries' : 'notZip');
  }

  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.entries) {
    return importDocxUnsafe.at(at, 'entries', { count: entries.length, limit: limits.entries });
  }
  for (const entry of entries) {
    const name = entry.unsafeOriginalName ?? entry.name;
    if (!isSafeEntryName(name)) {
      return importDocxUnsafe.at(at, 'name', { name: printable(name) });
    }
  }
  if (!zip.file('word/document.xml')) {
    return importUnreadable.at(at, 'noDocument');
  }

  const tooLarge = () => importDocxUnsafe.at(at, 'inflated', { limit: sizeText(limits.totalBytes) });
  // An honest header that claims too much is refused without inflating; a lying one is caught by counting.
  if (entries.reduce((n, e) => n + (sizesOf(e)?.uncompressed ?? 0), 0) > limits.totalBytes) return tooLarge();
  let total = 0;
  let paragraphs = 0;
  for (const entry of entries) {
    const counter = /^word\/[^/]+\.xml$/.test(entry.name) ? paragraphCounter() : undefined;
    const counted = await inflate(entry, limits.totalBytes - total, limits, counter?.add);
    paragraphs += counter?.count() ?? 0;
    if (counted === 'error') return importUnreadable.at(at, 'damagedEntry', { entry: printable(entry.name) });
    if (counted === 'ratio') {
      return importDocxUnsafe.at(at, 'ratio', { entry: printable(entry.name), ratio: limits.ratio });
    }
    if (counted === 'total') return tooLarge();
    total += counted;
  }
  if (paragraphs > limits.paragraphs) {
    return importTooLarge.at(at, 'paragraphs', { count: paragraphs, limit: limits.paragraphs });
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

const sizeText = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1024} KB`);

/** Entry names come from the attacker: show them escaped and short. */
function printable(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name).slice(1, -1);
}
