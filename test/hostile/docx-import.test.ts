import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, Zip, ZipDeflate, zipSync, type ZipInputFile, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, guardDocx, isSafeEntryName } from '../../src/import/zip-guard.js';
import { repoRoot } from '../helpers.js';

/**
 * Hostile DOCX files, built here with fflate, imported by the real bin in a child process that is
 * killed on a timer. The `cases` table is this file's expectations (test/hostile/cases.ts builds
 * report folders; these are single files given to `lawreport import`).
 */
const KILL_AFTER_MS = 20_000;
const bin = path.join(repoRoot, 'bin', 'lawreport.js');

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const linkedImage = (rId: string) => `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="x"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:link="${rId}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
const REPORT_PARAGRAPHS = ['示例镇2024年法治政府建设年度报告', '一、主要举措和成效', '全年办理行政复议案件12件。', '二、存在的不足和原因', '基层执法力量不足。', '示例镇人民政府', '2025年2月10日'];

/** A minimal DOCX as Word writes one: the four parts mammoth needs, plus `extra` entries. */
function docx(options: { body?: string; rels?: string; extra?: Zippable } = {}): Uint8Array {
  const body = options.body ?? REPORT_PARAGRAPHS.map(para).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.rels ?? ''}</Relationships>`),
    ...options.extra,
  });
}

/**
 * 1 GiB of zeros as one deflated entry, made without deflating (or holding) 1 GiB: 1 MiB of zeros
 * deflated once and sync-flushed is a byte-aligned run of non-final blocks that decodes the
 * same anywhere, so it is repeated 1,024 times and closed with an empty final block.
 */
function zipBomb(): Uint8Array {
  const MiB = new Uint8Array(1024 * 1024);
  const block = deflateRawSync(MiB, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < 1024; i++) crc = crc32(MiB, crc);
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const smallParts: [string, string][] = [['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', ROOT_RELS], ['word/document.xml', `<w:document ${W}><w:body>${para('一、主要举措和成效')}</w:body></w:document>`]];
  for (const [name, text] of smallParts) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  }
  const bomb: ZipInputFile = { filename: 'word/media/image1.png', size: 1024 * MiB.length, crc, compression: 8 };
  zip.add(bomb);
  for (let i = 0; i < 1024; i++) bomb.ondata!(null, block, false);
  bomb.ondata!(null, Uint8Array.of(0x03, 0x00), true);
  zip.end();
  return Buffer.concat(parts);
}

/** Rewrites an entry's uncompressed size in its local header and central directory record: a bomb that hides. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const encoded = Buffer.from(name);
  for (const [signature, nameAt, sizeAt] of [[0x04034b50, 30, 22], [0x02014b50, 46, 24]] as const) {
    for (let i = 0; i + nameAt < out.length; i++) {
      if (out.readUInt32LE(i) === signature && out.subarray(i + nameAt, i + nameAt + encoded.length).equals(encoded)) out.writeUInt32LE(size, i + sizeAt);
    }
  }
  return out;
}

function manyEntries(n: number): Uint8Array {
  const extra: Zippable = {};
  for (let i = 0; i < n; i++) extra[`word/media/i${i}.png`] = strToU8('x');
  return docx({ extra });
}

interface DocxCase {
  name: string;
  bytes: () => Uint8Array;
  exit: number;
  /** Rule id in the output (stderr when refused). */
  ruleId?: string;
  /** A fragment of the Chinese message. */
  says?: string;
}

const cases: DocxCase[] = [
  { name: '`../../evil.xml` entry', bytes: () => docx({ extra: { '../../evil.xml': strToU8('<x/>') } }), exit: 1, ruleId: 'import-docx-unsafe', says: '../../evil.xml' },
  { name: 'absolute entry name', bytes: () => docx({ extra: { '/etc/cron.d/x': strToU8('x') } }), exit: 1, ruleId: 'import-docx-unsafe', says: '/etc/cron.d/x' },
  { name: 'drive-letter entry name', bytes: () => docx({ extra: { 'C:/Windows/x.dll': strToU8('x') } }), exit: 1, ruleId: 'import-docx-unsafe', says: '盘符' },
  { name: 'backslash entry name', bytes: () => docx({ extra: { 'word\\..\\..\\x': strToU8('x') } }), exit: 1, ruleId: 'import-docx-unsafe', says: '反斜杠' },
  { name: '5,000 entries', bytes: () => manyEntries(5000), exit: 1, ruleId: 'import-docx-unsafe', says: `上限 ${DOCX_LIMITS.entries} 个` },
  { name: '1 GiB of zeros deflated (zip bomb)', bytes: zipBomb, exit: 1, ruleId: 'import-docx-unsafe', says: '压缩炸弹' },
  { name: 'zip bomb whose headers claim 1 KB', bytes: () => lieAboutSize(zipBomb(), 'word/media/image1.png', 1024), exit: 1, ruleId: 'import-docx-unsafe', says: '压缩炸弹' },
  { name: 'truncated zip', bytes: () => docx().slice(0, 300), exit: 1, ruleId: 'import-unreadable', says: '不完整' },
  { name: 'random bytes', bytes: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24), exit: 1, ruleId: 'import-unreadable', says: '不是有效的 DOCX' },
  { name: 'zip without word/document.xml', bytes: () => zipSync({ 'a.txt': strToU8('hello') }), exit: 1, ruleId: 'import-unreadable', says: 'word/document.xml' },
  { name: 'password-protected (OLE compound file)', bytes: () => Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)), exit: 1, ruleId: 'import-docx-encrypted', says: '打开密码' },
  { name: 'a plain report (control)', bytes: () => docx(), exit: 0 },
];

function runImport(cwd: string, file: string, args: string[] = []) {
  const start = performance.now();
  return new Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string; ms: number }>((resolve) => {
    execFile(process.execPath, [bin, 'import', file, '-o', 'out', ...args], { cwd, timeout: KILL_AFTER_MS, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number | string; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, killed: e?.killed ?? false, stdout, stderr, ms: performance.now() - start });
    });
  });
}

/** Every Markdown and YAML file the import wrote, joined. */
async function writtenText(dir: string): Promise<string> {
  const files = (await readdir(path.join(dir, 'out'), { recursive: true })).filter((f) => /\.(md|yaml)$/.test(f));
  return (await Promise.all(files.map((f) => readFile(path.join(dir, 'out', f), 'utf8')))).join('\n');
}

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'lawreport-docx-'));

describe('hostile DOCX import (real bin, killed after 20 s)', () => {
  it.each(cases)('$name → exit $exit', async (c) => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'in.docx'), c.bytes());
    const run = await runImport(dir, 'in.docx');
    expect(run.killed).toBe(false);
    expect(run.code, run.stderr).toBe(c.exit);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    if (c.exit === 0) {
      expect(await writtenText(dir)).toContain('行政复议案件12件');
      return;
    }
    expect(run.stderr).toContain(`[${c.ruleId}]`);
    expect(run.stderr).toContain(c.says);
    // Refused before anything is written: no output folder at all.
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  });

  it('refuses a file over the import size cap before reading it', async () => {
    const dir = await tmp();
    // A sparse 60 MB file: the cap is checked on its size, so nothing is read or allocated.
    const { open } = await import('node:fs/promises');
    const handle = await open(path.join(dir, 'huge.txt'), 'w');
    await handle.truncate(60_000_000);
    await handle.close();
    const run = await runImport(dir, 'huge.txt');
    expect(run.code).toBe(2); // a file refused before reading, like any usage or read failure
    expect(run.stderr).toContain('超过导入上限 50 MB');
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  });

  it('messages follow --lang en', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'in.docx'), manyEntries(5000));
    const run = await runImport(dir, 'in.docx', ['--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`more than the limit of ${DOCX_LIMITS.entries}`);
  });

  it('linked images (r:link, TargetMode="External") are never read: no file, no request', async () => {
    let requests = 0;
    const server = createServer((_, res) => {
      requests++;
      res.end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const dir = await tmp();
    // Reading a FIFO nobody writes to blocks forever: any attempt to open it is a hang the kill timer turns into a failure.
    execFileSync('mkfifo', [path.join(dir, 'trap.png')]);
    const targets = [`http://127.0.0.1:${port}/x.png`, 'file:///etc/passwd', '/etc/passwd', `file://${path.join(dir, 'trap.png')}`, path.join(dir, 'trap.png')];
    const rels = targets.map((t, i) => `<Relationship Id="rIdX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${t}" TargetMode="External"/>`).join('');
    const body = REPORT_PARAGRAPHS.slice(0, 3).map(para).join('') + targets.map((_, i) => linkedImage(`rIdX${i}`)).join('') + REPORT_PARAGRAPHS.slice(3).map(para).join('');
    await writeFile(path.join(dir, 'in.docx'), docx({ body, rels }));
    try {
      const run = await runImport(dir, 'in.docx');
      expect(run.killed).toBe(false);
      expect(run.code, run.stderr).toBe(0);
      expect(requests).toBe(0);
      const written = await writtenText(dir);
      expect(written).toContain('行政复议案件12件');
      expect(written).not.toMatch(/root:.*:0:0:/);
    } finally {
      server.close();
    }
  });
});

describe('zip guard (in process, small caps)', () => {
  const small = { ...DOCX_LIMITS, totalBytes: 64 * 1024, ratioFloor: Infinity };

  it('counts inflated bytes across entries, not the header sizes', async () => {
    const extra: Zippable = {};
    // Five 20 KB entries: each passes alone, together they pass the cap.
    for (let i = 0; i < 5; i++) extra[`word/media/${i}.bin`] = Uint8Array.from({ length: 20_000 }, (_, j) => (j * 2654435761 + i) >>> 24);
    let bytes = docx({ extra });
    expect((await guardDocx(bytes, 'in.docx', small))?.message.en).toContain('64 KB');
    // The entries that cross the cap claim 100 bytes: the header sum passes, counting does not.
    for (const i of [3, 4]) bytes = lieAboutSize(bytes, `word/media/${i}.bin`, 100);
    const refused = await guardDocx(bytes, 'in.docx', small);
    expect(refused?.ruleId).toBe('import-docx-unsafe');
    expect(refused?.message.en).toContain('64 KB');
    expect(await guardDocx(docx(), 'in.docx', small)).toBeUndefined();
  });

  it('stops at an absurd ratio without inflating the rest', async () => {
    const bytes = docx({ extra: { 'word/media/z.bin': new Uint8Array(4 * 1024 * 1024) } });
    const refused = await guardDocx(bytes, 'in.docx', { ...DOCX_LIMITS, ratioFloor: 1024 * 1024 });
    expect(refused?.message.en).toContain('z.bin');
    expect(refused?.message.en).toContain(`${DOCX_LIMITS.ratio}×`);
  });

  it.each([
    ['word/document.xml', true],
    ['word/media/image1.png', true],
    ['word/..foo.xml', true],
    ['../x', false],
    ['word/../../x', false],
    ['/abs', false],
    ['C:x', false],
    ['a\\b', false],
    ['a\0b', false],
  ])('entry name %j safe: %s', (name, safe) => {
    expect(isSafeEntryName(name)).toBe(safe);
  });
});
