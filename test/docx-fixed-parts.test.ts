/**
 * A batch worker compiles the DOCX's styles, theme, numbering and footers once per fonts and reuses them:
 * every report must still come out exactly as it would alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { precompiledDocxParts } from '../src/io/builtins-host.js';
import { DEFAULT_FONTS } from '../src/model.js';
import { buildReport } from '../src/pipeline/build.js';
import { fixedDocxParts } from '../src/render/docx.js';
import { compileWithFixedParts, type CompiledPart } from '../src/render/docx/fixed-parts.js';
import { patchPart } from '../src/render/docx/patch.js';
import { Session } from '../src/session.js';
import { EVERYTHING } from './docx-fixture.js';
import { builtins, exampleFiles, hostOf, repoRoot } from './helpers.js';

async function report(town: string, fontsYaml = ''): Promise<Record<string, string>> {
  const files = await exampleFiles();
  for (const [name, text] of Object.entries(files)) files[name] = text.replaceAll('示例镇', town);
  files['lawreport.yaml'] += fontsYaml;
  return files;
}

async function docxOf(files: Record<string, string | Uint8Array>, session: Session): Promise<Uint8Array> {
  const built = await buildReport(hostOf(files), session, ['docx']);
  const docx = built.outputs.get('docx');
  if (!docx) throw new Error(built.diagnostics.map((d) => d.message.en).join('; '));
  return docx;
}

describe('the DOCX fixed parts, kept by a session', () => {
  it('leave every report of a batch byte-identical to the same report built alone, whatever fonts each names', async () => {
    const custom = 'fonts:\n  body: 仿宋\n  heading2: 楷体\n  pageNumber: 黑体\n';
    const reports = [await report('甲镇'), await report('乙镇', custom), await report('丙镇'), await report('丁镇', custom), await report('戊镇')];
    const shared = new Session(builtins);
    for (const files of reports) {
      const inBatch = await docxOf(files, shared);
      const alone = await docxOf(files, new Session(builtins));
      expect(inBatch).toEqual(alone);
    }
    // Both font sets were compiled once and reused after the check of the short way passed.
    const kept = [...shared.renders.values()].find((v) => typeof v === 'object' && v !== null && 'byKey' in v) as { byKey: Map<string, unknown>; checked: Map<string, boolean> };
    expect(kept.byKey.size).toBe(2);
    expect([...kept.checked.values()]).toEqual([true, true]);
  });

  it('go back to compiling every part when the short way gives other parts than the long one', () => {
    // A compiler whose document.xml depends on the styles: the placeholders would change it.
    const calls: string[] = [];
    const compile = (file: Document) => {
      const real = file.Styles.constructor.name !== 'Placeholder';
      calls.push(real ? 'long' : 'short');
      return new Map<string, CompiledPart>([
        ['word/styles.xml', real ? '<w:styles>real</w:styles>' : '<w:styles/>'],
        ['word/document.xml', real ? '<w:document>styled</w:document>' : '<w:document>unstyled</w:document>'],
      ]);
    };
    const cache = new Map<symbol, unknown>();
    const doc = () => new Document({ sections: [{ children: [new Paragraph('正文')] }] });
    const results = [1, 2, 3].map(() => compileWithFixedParts(compile, doc(), 'fonts', cache));
    for (const parts of results) expect(parts.get('word/document.xml')).toBe('<w:document>styled</w:document>');
    // First: long; second: short, checked against long, which differs; third: long only.
    expect(calls).toEqual(['long', 'short', 'long', 'long']);
  });
});

describe('the DOCX fixed parts, precompiled by npm run build', () => {
  const inDefaultFonts = async (): Promise<Record<string, string | Uint8Array>[]> => {
    const png = new Uint8Array(await readFile(path.join(repoRoot, 'test/fixtures/red-2x1.png')));
    const example = await exampleFiles();
    const attachments = 'attachments: [执法统计表, 普法台账]\n';
    return [example, { ...example, 'images/red.png': png, 'chapters/05-other.md': EVERYTHING, 'lawreport.yaml': example['lawreport.yaml'] + attachments }];
  };

  it('are the parts docx compiles for whole reports in the default fonts, and what lib/precompiled-docx-parts.cjs holds', async () => {
    const precompiled = precompiledDocxParts();
    expect(precompiled, 'lib/precompiled-docx-parts.cjs: run npm run build').toBeDefined();
    const fixed = fixedDocxParts(DEFAULT_FONTS);
    expect(precompiled).toStrictEqual(fixed);
    expect(Object.keys(fixed.parts).sort()).toEqual(['word/footer1.xml', 'word/footer2.xml', 'word/numbering.xml', 'word/styles.xml', 'word/theme/theme1.xml']);
    for (const files of await inDefaultFonts()) {
      // The long way: a session of its own, no precompiled parts.
      const parts = unzipSync(await docxOf(files, new Session(builtins)));
      for (const [name, xml] of Object.entries(fixed.parts)) expect(new TextDecoder().decode(parts[name]), name).toBe(patchPart(name, xml));
    }
  });

  it('leave every report byte-identical to the one compiled part by part, and are not taken for other fonts', async () => {
    const precompiled = precompiledDocxParts()!;
    let asked = 0;
    const docxParts = () => (asked++, precompiled);
    const reports = [...(await inDefaultFonts()), await report('乙镇', 'fonts:\n  body: 仿宋\n  heading2: 楷体\n')];
    for (const files of reports) {
      const built = await buildReport(hostOf(files), new Session(builtins), ['docx'], { render: { docxParts } });
      expect(built.outputs.get('docx')).toEqual(await docxOf(files, new Session(builtins)));
    }
    expect(asked).toBe(reports.length);
    // Parts made for other fonts are never taken: their key is not the report's.
    const stale = { key: JSON.stringify({ ...DEFAULT_FONTS, body: '宋体' }), parts: { 'word/styles.xml': '<w:styles/>' } };
    const [example] = await inDefaultFonts();
    const built = await buildReport(hostOf(example!), new Session(builtins), ['docx'], { render: { docxParts: () => stale } });
    expect(built.outputs.get('docx')).toEqual(await docxOf(example!, new Session(builtins)));
  });
});
