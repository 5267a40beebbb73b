/** The zip writer behind every DOCX and XLSX: what unzip tools read back from it. */
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DeflateCache, zipEntries } from '../src/render/zip.js';

const text = (s: string) => new TextEncoder().encode(s);
const entries = [
  { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types/>'.repeat(50)) },
  { name: 'word/document.xml', data: text('<w:document>法治政府建设年度报告</w:document>'.repeat(200)) },
  { name: 'word/media/空.png', data: new Uint8Array(0) },
];
const stamp = new Date(2025, 2, 14, 12, 30, 58);

describe('zipEntries', () => {
  const zip = zipEntries(entries, stamp);

  it('gives back every entry, in order and byte for byte, to two independent readers', async () => {
    const byFflate = unzipSync(zip);
    expect(Object.keys(byFflate)).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(byFflate[e.name]).toEqual(e.data);

    const byJszip = await JSZip.loadAsync(zip);
    expect(Object.keys(byJszip.files)).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(await byJszip.file(e.name)!.async('uint8array')).toEqual(e.data);
  });

  it('stamps every entry with the given time and marks a non-ASCII name as UTF-8', async () => {
    const byJszip = await JSZip.loadAsync(zip);
    for (const e of entries) expect(byJszip.file(e.name)!.date.getTime()).toBe(new Date(2025, 2, 14, 12, 30, 58).getTime());
    // General purpose flag of each local header: bit 11 only on the name that is not ASCII.
    const flags: number[] = [];
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
      flags.push(view.getUint16(at + 6, true));
      at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 18, true);
    }
    expect(flags).toEqual([0, 0, 0x800]);
  });

  it('deflates: the repeated text takes a fraction of its size', () => {
    const raw = entries.reduce((n, e) => n + e.data.length, 0);
    expect(zip.length).toBeLessThan(raw / 10);
  });

  it('gives the same bytes for the same entries and time', () => {
    expect(zipEntries(entries, stamp)).toEqual(zip);
  });
});

describe('DeflateCache', () => {
  const xml = (s: string) => ({ data: text(s), text: s });
  const shared = xml('<w:styles>仿宋_GB2312</w:styles>'.repeat(100));

  it('zips a part kept from an earlier zip to the same bytes as deflating it again', () => {
    const cache = new DeflateCache();
    const first = [{ name: 'word/styles.xml', ...shared }, { name: 'word/document.xml', ...xml('<w:p>甲</w:p>') }];
    const second = [{ name: 'word/styles.xml', ...shared }, { name: 'word/document.xml', ...xml('<w:p>乙</w:p>') }];
    expect(zipEntries(first, stamp, cache)).toEqual(zipEntries(first, stamp));
    expect(zipEntries(second, stamp, cache)).toEqual(zipEntries(second, stamp));
    expect(unzipSync(zipEntries(second, stamp, cache))['word/document.xml']).toEqual(text('<w:p>乙</w:p>'));
  });

  it('finds a part by its text only: bytes given without one are deflated each time, never taken for another part', () => {
    const cache = new DeflateCache();
    zipEntries([{ name: 'a.xml', ...xml('<a/>') }], stamp, cache);
    const other = zipEntries([{ name: 'a.xml', data: text('<b/>') }], stamp, cache);
    expect(unzipSync(other)['a.xml']).toEqual(text('<b/>'));
  });

  it('keeps the parts used most recently, within its bounds', () => {
    const cache = new DeflateCache(2, 100);
    const deflated = (s: string) => cache.deflate(text(s), s).deflated;
    const a = deflated('<a/>');
    deflated('<b/>');
    expect(deflated('<a/>')).toBe(a); // kept, and now the most recent
    deflated('<c/>'); // drops <b/>, the least recent
    expect(deflated('<a/>')).toBe(a);
    const long = '<d>' + 'x'.repeat(200) + '</d>';
    expect(cache.deflate(text(long), long).deflated).not.toBe(cache.deflate(text(long), long).deflated); // past maxText: not kept
  });
});
