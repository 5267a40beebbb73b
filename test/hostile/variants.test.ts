import { mkdtemp, open, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchOutDirs } from '../../src/cli/batch/out-dirs.js';
import { handleError } from '../../src/cli/errors.js';
import { MAX_NAME_BYTES, safeFileName } from '../../src/cli/write-outputs.js';
import { IMAGE_LIMITS } from '../../src/compile/assets.js';
import { memoryHost } from '../../src/io/host.js';
import { readFileBounded } from '../../src/io/node-host.js';
import { outputDirProblem } from '../../src/load/output-dir.js';
import { loadReport } from '../../src/load/report.js';
import { calendarDate } from '../../src/model.js';
import { buildReport, checkReport } from '../../src/pipeline/build.js';
import { parseYaml } from '../../src/source/yaml.js';
import { formatNumber } from '../../src/template/helpers.js';
import { renderTemplate } from '../../src/template/render.js';
import { templateContext } from '../../src/template/context.js';
import { exampleFiles, hostOf, session } from '../helpers.js';
import { pngHeader } from './cases-round-two.js';

/**
 * Variants of each class of issue 15 that nobody wrote by hand: generated (fast-check) or
 * tabulated, run against the pipeline in this process. The hand-written cases, as real
 * processes with kill timers, are in hostile.test.ts.
 */

const CHAPTER = 'chapters/05-other.md';
const chapter = (body: string) => `---\nid: other\n---\n\n${body}\n`;
const txtOf = (outputs: Map<string, Uint8Array>) => new TextDecoder().decode(outputs.get('txt'));

describe('variants: text never silently lost', () => {
  // Openers of every HTML block CommonMark ends only at its own closing mark, and of containers.
  const opener = fc.constantFrom('<!--', '<!-- 说明', '<script>', '<style>', '<pre>', '<textarea>', '<?php', '<![CDATA[', '<!DOCTYPE x', '> <!--', '- <!--', '  <!--');
  it('a chapter with openers that never close either keeps every passage or is refused at the opener', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant('passage'), opener), { minLength: 2, maxLength: 8 }), fc.boolean(), async (parts, inline) => {
        let n = 0;
        const body = parts.map((p) => (p === 'passage' ? `正文第${++n}段。` : inline ? `前文${p}` : p)).join('\n\n');
        const result = await buildReport(hostOf({ ...base, [CHAPTER]: chapter(body) }), session, ['txt']);
        if (result.outputs.size === 0) {
          expect(result.diagnostics.some((d) => d.ruleId === 'html-unclosed' && d.file === CHAPTER), JSON.stringify(result.diagnostics.map((d) => d.ruleId))).toBe(true);
          return;
        }
        const text = txtOf(result.outputs);
        for (let i = 1; i <= n; i++) expect(text, body).toContain(`正文第${i}段`);
      }),
      { numRuns: 120 },
    );
  });
});

describe('variants: image paths', () => {
  const piece = fc.constantFrom('%', '%2', '%E4', '%E4%B8', '%25', '%20', '%00', '%2F', '%2E%2E', '..', '/', '图', ' ', '100', '.png', 'a', '#', '?', '\\', '&amp;');
  it('any %-escape or stray % in an image path gives the image or an image diagnostic at its line, never an exception', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (parts) => {
        const url = `images/${parts.join('')}`;
        const result = await checkReport(hostOf({ ...base, [CHAPTER]: chapter(`第一行\n\n![图](${url})`), 'images/图.png': new Uint8Array(pngHeader(2, 1)) }), session);
        const image = result.diagnostics.filter((d) => d.file === CHAPTER && /^image-|^source-/.test(d.ruleId));
        for (const d of image) expect(d.line).toBe(7);
      }),
      { numRuns: 150 },
    );
  });
});

describe('variants: dates', () => {
  it('lawreport.yaml accepts a date exactly when the calendar has it', async () => {
    const base = await exampleFiles();
    const days = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.boolean(), async (y, m, d, pad) => {
        const p = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
        const text = `${y}-${p(m)}-${p(d)}`;
        const exists = d <= days(y, m);
        expect(Boolean(calendarDate(text)), text).toBe(exists);
        const config = base['lawreport.yaml']!.replace(/^date: .*$/m, `date: ${text}`);
        const loaded = await loadReport(hostOf({ ...base, 'lawreport.yaml': config }), session);
        expect(loaded.diagnostics.some((x) => x.ruleId === 'date-invalid'), text).toBe(!exists);
      }),
      { numRuns: 200 },
    );
  });
});

describe('variants: files that are not regular files, and read caps', () => {
  it('a read returns the file exactly when it is at most the limit, whatever the size', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-cap-'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 0, max: 3_000_000 }), async (size, limit) => {
        const file = path.join(dir, 'f');
        const handle = await open(file, 'w');
        await handle.truncate(size);
        await handle.close();
        const read = await readFileBounded(file, limit);
        if (size <= limit) expect(read.status === 'ok' && read.value.length).toBe(size);
        else expect(read).toEqual({ status: 'too-large', size, limit });
        const memory = await memoryHost({ f: new Uint8Array(size) }).readBytes('f', limit);
        expect(memory.status).toBe(size <= limit ? 'ok' : 'too-large');
      }),
      { numRuns: 40 },
    );
  });
});

describe('variants: batch output folders', () => {
  const segment = fc.constantFrom('town', '甲镇', 'a', 'b', 'reports', '2024', 'x y');
  it('any set of distinct report folders gets distinct output folders inside -o, none of them -o itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')), { minLength: 1, maxLength: 8 }), (dirs) => {
        const cwd = '/work/r';
        const outs = batchOutDirs(cwd, dirs, 'out');
        expect(new Set(outs).size).toBe(new Set(dirs.map((d) => path.resolve(cwd, d))).size);
        for (const o of outs) {
          expect(o.startsWith('/work/r/out/')).toBe(true);
          expect(o).not.toBe('/work/r/out');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('variants: output.dir from lawreport.yaml', () => {
  const part = fc.constantFrom('..', '.', 'dist', 'chapters', 'Chapters', 'templates', 'a', '', 'C:', '/', '\\', '~', 'x..');
  it('an output.dir passes only when it resolves strictly inside the report folder, outside its sources, and does not start with ~', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '\\'), (parts, sep) => {
        const dir = parts.join(sep) || '.';
        const doc = parseYaml(`output:\n  dir: ${JSON.stringify(dir)}\n`, 'lawreport.yaml').doc!;
        const ok = outputDirProblem(doc, dir) === undefined;
        const rel = path.posix.relative('/r', path.posix.resolve('/r', dir.replace(/\\/g, '/')));
        const lexicallyInside = !/^[a-zA-Z]:|^[\\/]|^~/.test(dir) && rel !== '' && !rel.startsWith('..') && !/^(chapters|templates)(\/|$)/i.test(rel);
        expect(ok, dir).toBe(lexicallyInside);
      }),
      { numRuns: 400 },
    );
  });
});

describe('variants: file names from titles', () => {
  it('any title gives a non-empty name of at most 200 bytes with no control, format or reserved characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\u202e', '\u200b', '\ufeff', '\u00ad', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '.', ' ', '\t', '\n', '\u0000', 'CON', 'nul', '📄', '示', '\ud800'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 400 }), (title) => {
        const name = safeFileName(title);
        expect(name.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(name).not.toMatch(/[\\/:*?"<>|\p{Cc}\p{Cf}]/u);
        expect(name).not.toMatch(/^[.\s]|[.\s]$/);
        expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(safeFileName(name)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });

  it('the longest name with its temp suffix is a name the file system takes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-name-'));
    for (const title of ['示'.repeat(200), '📄'.repeat(100), 'a'.repeat(400), `${'示'.repeat(66)}ab`]) {
      const name = safeFileName(title);
      await writeFile(path.join(dir, `.${name}.docx.${4194304}.deadbeef.tmp`), 'x');
    }
  });
});

describe('variants: image headers', () => {
  const side = fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(0, 1, 20_000, 20_001, 65_535, 2 ** 31 - 1, 2 ** 32 - 1));
  it('a PNG is embedded exactly when its header is within the limits, and building never throws', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(side, side, async (w, h) => {
        const result = await buildReport(hostOf({ ...base, [CHAPTER]: chapter('![图](images/x.png)'), 'images/x.png': new Uint8Array(pngHeader(w, h)) }), session, ['docx', 'html']);
        const within = w >= 1 && h >= 1 && w <= IMAGE_LIMITS.maxSide && h <= IMAGE_LIMITS.maxSide && w * h <= IMAGE_LIMITS.maxPixels;
        expect(result.outputs.size > 0, `${w}×${h}`).toBe(within);
        if (!within) expect(result.diagnostics.some((d) => d.ruleId === 'image-unreadable' && d.line === 5)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('variants: template errors', () => {
  const arg = fc.constantFrom('disputes', 'disputes.received', 'disputes.mediated', 'report', 'report.year', '"件"', '0', '1.5', 'true', '"2025-02-30"', '"2025-02-10"', 'nosuch', '(sum disputes.received 1)');
  const hash = fc.constantFrom('', ' unit="件"', ' unit=5', ' digits=1', ' digits="x"', ' digits=99', ' foo=1');
  const helper = fc.constantFrom('fig', 'pct', 'sum', 'diff', 'cndate', 'lookup');
  it('a bad helper call is reported in Chinese at its own {{ }}, never at 1:1 and never as a JavaScript error', async () => {
    const files = await exampleFiles();
    const loaded = await loadReport(hostOf(files), session);
    const source = loaded.source!;
    const data = templateContext(source);
    await fc.assert(
      fc.property(fc.nat({ max: 3 }), fc.nat({ max: 5 }), helper, fc.array(arg, { maxLength: 3 }), hash, (lines, indent, name, args, options) => {
        const call = `{{${[name, ...args].join(' ')}${options}}}`;
        const text = `${'第一行。\n'.repeat(lines)}${'前'.repeat(indent)}${call}`;
        const result = renderTemplate(text, CHAPTER, data, source.catalog);
        for (const d of result.diagnostics) {
          expect(d.message.zh, call).toMatch(/[\u4e00-\u9fff]/);
          expect(d.message.zh, call).not.toMatch(/TypeError|Cannot |is not a function|undefined/);
          if (d.ruleId === 'template-unknown-path') continue; // at the path itself
          expect([d.line, d.column], call).toEqual([lines + 1, indent + 1]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('variants: numbers', () => {
  const literal = fc.oneof(
    fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -30, max: 330 })).map(([m, e]) => `${m}e${e}`),
    fc.double({ noNaN: false }).map(String),
    fc.constantFrom('.inf', '-.inf', '.nan', '.NaN', '9007199254740991', '9007199254740992', '-9007199254740993', '0x1F', '1_000', '+12', '0o17'),
  );
  it('a figure is used only when it is the number written; a number is printed in plain digits', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(literal, async (written) => {
        const metrics = base['metrics.yaml']!.replace(/^(  received: )68\b/m, `$1${written}`);
        const loaded = await loadReport(hostOf({ ...base, 'metrics.yaml': metrics }), session);
        const refused = loaded.diagnostics.some((d) => d.ruleId === 'number-unsafe');
        const value = (loaded.source?.metrics as { disputes?: { received?: unknown } } | undefined)?.disputes?.received;
        if (typeof value === 'number') {
          expect(refused, written).toBe(!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER);
          if (!refused) expect(formatNumber(value), written).not.toMatch(/e/i);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('variants: messages', () => {
  it('a message repeats at most a short piece of whatever long text it names', async () => {
    const base = await exampleFiles();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('![图](images/%s.png)', '![图](data:image/png;base64,%s)', '{{%s}}', '{{fig %s}}', '![图](https://%s)'), fc.integer({ min: 200, max: 200_000 }), async (shape, n) => {
        const result = await checkReport(hostOf({ ...base, [CHAPTER]: chapter(shape.replace('%s', 'a'.repeat(n))) }), session);
        expect(result.diagnostics.length).toBeGreaterThan(0);
        for (const d of result.diagnostics) expect(d.message.zh.length + (d.hint?.zh.length ?? 0), d.ruleId).toBeLessThan(800);
      }),
      { numRuns: 30 },
    );
  });

  it('every file-system error code lawreport has words for is said in words, not as its code', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EMFILE', 'ENFILE', 'ELOOP', 'ENAMETOOLONG', 'EIO', 'EBUSY', 'EXDEV', 'ENXIO', 'ENOENT']) {
      let zh = '';
      let en = '';
      const error = Object.assign(new Error(`${code}: failed`), { code, path: '/out/x.docx' });
      handleError({ lang: 'zh', color: false, debug: false, stdout: () => {}, stderr: (s) => void (zh += s) }, error);
      handleError({ lang: 'en', color: false, debug: false, stdout: () => {}, stderr: (s) => void (en += s) }, error);
      expect(zh, code).not.toContain(code);
      expect(en, code).not.toContain(code);
      expect(zh).toContain('/out/x.docx');
    }
  });
});
