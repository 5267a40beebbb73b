import type { ReportDate } from '../model.js';
import type { RenderCache, RenderOptions } from './options.js';
import { DeflateCache, zipEntries, type ZipEntry } from './zip.js';
import { compareNames } from '../collate.js';

/** A package's files by path: text parts as strings (as docx compiles them) or bytes. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array> | Readonly<Record<string, string | Uint8Array>>;

/**
 * Zips a package's parts the reproducible way (see makeReproducible, src/render/rezip.ts). Given the parts before any
 * zip, the deflate runs once: zipping in docx and unzipping again cost a fifth of rendering.
 */
export function zipReproducibly(
  parts: PackageParts,
  date: ReportDate,
  options: Pick<RenderOptions, 'sourceDateEpoch' | 'cache'> = {},
  rewrite: (name: string, xml: string) => string = (_, xml) => xml,
): Uint8Array {
  const when = stampOf(date, options.sourceDateEpoch);
  const mtime = localTwin(when);
  const entries = parts instanceof Map ? parts : new Map(Object.entries(parts));
  const names = [...entries.keys()].sort((a, b) => rank(a) - rank(b) || compareNames(a, b));
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const out: ZipEntry[] = [];
  for (const name of names) {
    const part = entries.get(name)!;
    let data: Uint8Array;
    // The text the bytes encode: a session's DeflateCache finds the parts every report shares by it.
    let text: string | undefined = typeof part === 'string' ? part : undefined;
    if (name.endsWith('.xml')) {
      const xml = typeof part === 'string' ? part : decoder.decode(part);
      text = rewrite(name, xml);
      if (name === 'docProps/core.xml') {
        text = text.replace(
          /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${when.toISOString().replace(/\.\d{3}Z$/, 'Z')}$2`,
        );
      }
      data = typeof part !== 'string' && text === xml ? part : encoder.encode(text);
    } else {
      data = typeof part === 'string' ? encoder.encode(part) : part;
    }
    // Bytes given as bytes are not known by a text (bytes that are no UTF-8 decode to the same U+FFFD).
    out.push(text === undefined || data === part ? { name, data } : { name, data, text });
  }
  return zipEntries(out, mtime, options.cache && deflateCache(options.cache));
}

const DEFLATED = Symbol('deflated parts');

/** The session's deflated parts (see DeflateCache). */
function deflateCache(cache: RenderCache): DeflateCache {
  let kept = cache.get(DEFLATED) as DeflateCache | undefined;
  if (!kept) cache.set(DEFLATED, (kept = new DeflateCache()));
  return kept;
}

/** Zip stores local wall-clock time: give it the UTC fields so every time zone writes the same bytes. */
function localTwin(utc: Date): Date {
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

/** [Content_Types].xml first, as Office writes it; then _rels, then the rest by name. */
function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name.startsWith('_rels/')) return 1;
  return 2;
}

/**
 * The time outputs are stamped with: SOURCE_DATE_EPOCH when given, else noon UTC of the 成文日期
 * (noon keeps the calendar date in every time zone that matters here). Zip cannot store times
 * before 1980. Shared by the DOCX (core.xml, zip entries) and the PDF (CreationDate).
 */
export function stampOf(date: ReportDate, epoch: string | undefined): Date {
  const floor = Date.UTC(1980, 0, 1, 12);
  if (epoch && /^\d+$/.test(epoch)) return new Date(Math.max(Number(epoch) * 1000, floor));
  const noon = Date.UTC(date.year, date.month - 1, date.day, 12);
  return new Date(Number.isFinite(noon) ? Math.max(noon, floor) : floor);
}
