/** The DOCX's XML: what Word, WPS and LibreOffice read before they draw anything. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { signaturePlacement } from '../src/render/docx/closing.js';
import { wrapTitle } from '../src/render/docx/title.js';
import { makeReproducible } from '../src/render/rezip.js';
import { buildDocx, fixtureFiles } from './docx-fixture.js';
import { copyExample, repoRoot } from './helpers.js';

const exec = promisify(execFile);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const parts = (docx: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, data]) => [name, decode(data)]));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A 1×1 PNG, so the fixture has a drawing whose ids must not depend on what ran before. */
const DOT = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

async function filesWithImage(extraYaml = '') {
  const files = await fixtureFiles(extraYaml);
  files['images/dot.png'] = DOT;
  files['chapters/02-shortcomings.md'] += '\n![示意图](images/dot.png)\n';
  return files;
}

describe('the DOCX parts', () => {
  let docx: Uint8Array;
  let xml: Record<string, string>;

  beforeAll(async () => {
    docx = await buildDocx(await filesWithImage());
    xml = parts(docx);
  });

  it('names an East Asian font on every run of text in the body and the footers', () => {
    const runParts = Object.keys(xml).filter((n) => /^word\/(document|footer\d*|header\d*)\.xml$/.test(n));
    expect(runParts).toEqual(expect.arrayContaining(['word/document.xml', 'word/footer1.xml', 'word/footer2.xml']));
    for (const name of runParts) {
      // A picture's run holds no text and so needs no font.
      const runs = [...xml[name]!.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).filter((r) => !r.startsWith('<w:drawing>'));
      expect(runs.length, name).toBeGreaterThan(0);
      for (const run of runs) expect(run, name).toMatch(/^<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:rFonts [^>]*w:eastAsia="[^"]+"/);
    }
    expect(xml['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"\/>/);
  });

  it('leaves no theme font for Word or WPS to substitute, in any part', () => {
    for (const [name, text] of Object.entries(xml)) {
      if (!name.endsWith('.xml') || name.startsWith('word/theme/')) continue;
      expect(text, name).not.toMatch(/w:(?:ascii|hAnsi|eastAsia|cs)Theme=|w:cstheme=/i);
    }
  });

  it('has the real Word styles 正文 and 标题 1–4, in the 公文 fonts and not bold', () => {
    const styles = xml['word/styles.xml']!;
    const style = (id: string) => new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1];
    expect(style('Normal')).toContain('<w:name w:val="Normal"/>');
    expect(style('Normal')).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    const fonts = { 1: '黑体', 2: '楷体_GB2312', 3: '仿宋_GB2312', 4: '仿宋_GB2312' };
    for (const [level, font] of Object.entries(fonts)) {
      const s = style(`Heading${level}`)!;
      expect(s).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(s).toContain(`w:eastAsia="${font}"`);
      expect(s).toContain('<w:sz w:val="32"/>');
      expect(s).not.toMatch(/<w:b\/>|<w:b w:val="(?:true|1)"\/>/);
      expect(s).toContain('<w:ind w:firstLine="630"/>');
    }
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Title')).toContain('<w:sz w:val="44"/>');
  });

  it('writes the heading numbers as text, never as a Word list LibreOffice or WPS could renumber', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).not.toContain('<w:numPr>');
    const headings = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g)].map((m) => ({
      level: Number(m[1]),
      text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    const pattern: Record<number, RegExp> = { 1: /^[一二三四五]、/, 2: /^（[一二三四五六]）/, 3: /^\d\./, 4: /^（\d）/ };
    expect(headings.filter((h) => h.level === 1)).toHaveLength(5);
    for (const h of headings) expect(h.text).toMatch(pattern[h.level]!);
  });

  it('sets A4, the GB/T 9704 margins and the 28-a-line character spacing, with odd and even footers', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" /);
    expect(doc).toContain('<w:footerReference w:type="even"');
    expect(xml['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(doc).toContain('<w:spacing w:val="-5"/>');
    expect(xml['word/footer1.xml']).toContain('<w:jc w:val="right"/>');
    expect(xml['word/footer2.xml']).toContain('<w:jc w:val="left"/>');
    expect(xml['word/footer1.xml']).toMatch(/— <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*> —<\/w:t>/);
  });

  it('writes paragraph and run properties in schema order, which Word insists on', () => {
    // ECMA-376 CT_PPrBase and CT_RPr sequences (the elements this renderer can write).
    const order = {
      pPr: 'pStyle keepNext keepLines pageBreakBefore widowControl numPr pBdr shd tabs kinsoku wordWrap overflowPunct autoSpaceDE autoSpaceDN bidi snapToGrid spacing ind contextualSpacing jc textDirection outlineLvl rPr'.split(' '),
      rPr: 'rStyle rFonts b bCs i iCs caps strike dstrike vanish color spacing w kern position sz szCs highlight u vertAlign lang'.split(' '),
    };
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml']) {
      for (const [tag, names] of Object.entries(order)) {
        for (const m of xml[name]!.matchAll(new RegExp(`<w:${tag}>(.*?)</w:${tag}>`, 'g'))) {
          const children = [...m[1]!.replace(/<w:rPr>.*?<\/w:rPr>/g, '<w:rPr/>').matchAll(/<w:(\w+)/g)].map((c) => c[1]!).filter((c) => names.includes(c));
          const positions = children.map((c) => names.indexOf(c));
          expect(positions, `${name} ${tag}: ${children.join(' ')}`).toEqual([...positions].sort((a, b) => a - b));
        }
      }
    }
  });

  it('makes GFM tables bordered, with a repeated header row, 四号 text and single spacing in cells', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml['word/document.xml']!)![0];
    expect(table).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(table).toContain('<w:insideH w:val="single"');
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(table).toContain('<w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/>');
    for (const run of table.match(/<w:r>[\s\S]*?<\/w:r>/g)!) {
      expect(run).toContain('<w:sz w:val="28"/>');
      expect(run).toContain('w:eastAsia="仿宋_GB2312"');
    }
  });

  it('uses the fonts named in lawreport.yaml instead of the GB2312 ones', async () => {
    const custom = parts(await buildDocx(await fixtureFiles('fonts:\n  body: 仿宋\n  heading2: 楷体\n')));
    const all = custom['word/document.xml']! + custom['word/styles.xml']!;
    expect(all).toContain('w:eastAsia="仿宋"');
    expect(all).toContain('w:eastAsia="楷体"');
    expect(all).not.toContain('GB2312');
    expect(all).toContain('w:eastAsia="黑体"');
  });

  it('keeps a title break written in lawreport.yaml', async () => {
    const custom = parts(await buildDocx(await fixtureFiles('title: 示例镇人民政府关于2024年度\\n法治政府建设情况的报告\n')));
    const titles = [...custom['word/document.xml']!.matchAll(/<w:pStyle w:val="Title"\/>[\s\S]*?<w:t[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(titles).toEqual(['示例镇人民政府关于2024年度', '法治政府建设情况的报告']);
  });
});

describe('title lines', () => {
  it('keeps a title that fits on one line', () => {
    expect(wrapTitle(['示例镇2024年法治政府建设年度报告'], 18)).toEqual(['示例镇2024年法治政府建设年度报告']);
  });

  it('breaks a long title where it reads naturally, not where the line runs out', () => {
    expect(wrapTitle(['示例镇人民政府2024年法治政府建设年度报告'], 18)).toEqual(['示例镇人民政府', '2024年法治政府建设年度报告']);
    expect(wrapTitle(['示例县司法局关于2024年度法治政府建设工作情况的报告'], 18)).toEqual(['示例县司法局关于2024年度', '法治政府建设工作情况的报告']);
    expect(wrapTitle(['中共示例县委员会示例县人民政府关于2024年度推进法治政府建设情况的报告'], 18)).toEqual([
      '中共示例县委员会示例县人民政府',
      '关于2024年度推进',
      '法治政府建设情况的报告',
    ]);
  });

  it('leaves the writer’s own breaks and unbreakable titles alone', () => {
    expect(wrapTitle(['示例镇人民政府', '2024年法治政府建设年度报告'], 30)).toEqual(['示例镇人民政府', '2024年法治政府建设年度报告']);
    expect(wrapTitle(['一二三四五六七八九十一二三四五六七八九十一二'], 18)).toEqual(['一二三四五六七八九十一二三四五六七八九十一二']);
  });
});

describe('signature and 成文日期 without a seal (GB/T 9704 7.3.5.2)', () => {
  it('puts the signature two characters from the right and the date two characters right of its first character', () => {
    // 12 characters of signature, a 6½-character date: the date ends before the signature does.
    expect(signaturePlacement(['示例县人民政府办公室司法所'.slice(0, 12)], '2025年2月10日')).toEqual({ signatureAt: 14, dateAt: 16, dateFromRight: false });
  });

  it('holds a longer date two characters from the right and moves the signature left to keep the shift', () => {
    expect(signaturePlacement(['示例镇人民政府'], '2025年12月10日')).toEqual({ signatureAt: 17, dateAt: 19, dateFromRight: true });
    expect(signaturePlacement(['中共示例镇委员会', '示例镇人民政府'], '2025年2月10日')).toEqual({ signatureAt: 17.5, dateAt: 19.5, dateFromRight: true });
  });
});

describe('reproducible DOCX', () => {
  it('gives the same bytes for the same sources, build after build in one process', async () => {
    const files = await filesWithImage();
    const first = await buildDocx(files);
    const second = await buildDocx(files);
    expect(sha(second)).toBe(sha(first));
    const doc = parts(first)['word/document.xml']!;
    expect([...doc.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['1']);
    expect(Object.keys(unzipSync(first))[0]).toBe('[Content_Types].xml');
  });

  it('zips the parts docx compiles to the same bytes as re-zipping a docx zip would (the fallback when docx hides its compiler)', async () => {
    const docx = await buildDocx(await filesWithImage());
    // No rewrite: the build already patched its parts.
    const rezipped = makeReproducible(docx, { year: 2025, month: 2, day: 10 }, {});
    expect(sha(rezipped)).toBe(sha(docx));
  });

  it('dates docProps/core.xml from 成文日期, or from SOURCE_DATE_EPOCH when set', async () => {
    const docx = await buildDocx(await fixtureFiles());
    const core = parts(docx)['docProps/core.xml']!;
    expect(core).toMatch(/<dcterms:created[^>]*>2025-02-10T12:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2025-02-10T12:00:00Z<\/dcterms:modified>/);
    const epoch = parts(makeReproducible(docx, { year: 2025, month: 2, day: 10 }, { sourceDateEpoch: '1740000000' }))['docProps/core.xml']!;
    expect(epoch).toMatch(/<dcterms:created[^>]*>2025-02-19T21:20:00Z</);
    for (const name of ['docProps/app.xml', 'docProps/custom.xml']) expect(parts(docx)[name]).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it('gives the same bytes in another time zone, from the installed bin in a child process', async () => {
    const bin = path.join(repoRoot, 'bin', 'lawreport.js');
    const hashes = [];
    for (const TZ of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
      const dir = await copyExample();
      const { SOURCE_DATE_EPOCH: _, ...env } = process.env;
      await exec(process.execPath, [bin, 'build'], { cwd: dir, env: { ...env, TZ, NO_COLOR: '1' } });
      const out = path.join(dir, 'dist', '示例镇人民政府2024年法治政府建设年度报告');
      hashes.push(await Promise.all(['.docx', '.html', '.txt'].map(async (ext) => sha(await readFile(out + ext)))));
    }
    expect(hashes[1]).toEqual(hashes[0]);
    expect(hashes[2]).toEqual(hashes[0]);
  });
});
