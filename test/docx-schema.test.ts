import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/pipeline/build.js';
import { EVERYTHING } from './docx-fixture.js';
import { exampleFiles, hostOf, repoRoot, session } from './helpers.js';
import { hasJing, validateDocx } from './ooxml.js';

// Locally a machine without jing skips (apt-get install jing); CI installs it and must run these.
const jing = await hasJing();
if (!jing && process.env.CI) throw new Error('jing is not installed: .ci/run installs it (apt-get install jing)');

async function docx(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const result = await buildReport(hostOf(files), session, ['docx']);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.outputs.get('docx')!;
}

describe.skipIf(!jing)('every DOCX part is valid against the ECMA-376 transitional schemas', () => {
  it('for the example, a chapter of every node type, other fonts and attachments, and generated reports', async () => {
    const png = new Uint8Array(await readFile(path.join(repoRoot, 'test/fixtures/red-2x1.png')));
    const example = await exampleFiles();
    const rich: Record<string, string | Uint8Array> = { ...example, 'images/red.png': png, 'chapters/05-other.md': EVERYTHING };
    rich['lawreport.yaml'] += 'title: 示例镇人民政府\\n关于2024年法治政府建设情况的报告\nattachments: [执法统计表, 普法台账]\nfonts: { body: 宋体, title: 黑体 }\n';
    const packages: Record<string, Uint8Array> = { example: await docx(example), everything: await docx(rich) };
    const paragraph = fc.array(fc.constantFrom('全年', '<sup>2</sup>', '<u>下划线</u>', '**重点**', '<br>', '，', '调解成功{{fig disputes.mediated}}'), { minLength: 1, maxLength: 6 }).map((p) => `前言${p.join('')}。`);
    const body = fc.array(fc.oneof(paragraph, paragraph.map((p) => `> ${p}`), paragraph.map((p) => `1. ${p}`), fc.constant('![](images/red.png)')), { minLength: 1, maxLength: 5 });
    for (const [i, blocks] of fc.sample(body, { numRuns: 8, seed: 14 }).entries()) {
      packages[`generated-${i}`] = await docx({ ...example, 'images/red.png': png, 'chapters/05-other.md': `---\nid: other\n---\n\n${blocks.join('\n\n')}\n` });
    }
    const { errors, parts } = await validateDocx(packages);
    expect(parts).toBeGreaterThanOrEqual(10 * Object.keys(packages).length);
    expect(errors).toEqual([]);
  }, 120_000);

  it('fails a deliberately broken part (the validation is not one that accepts anything)', async () => {
    const parts = unzipSync(await docx(await exampleFiles()));
    const xml = new TextDecoder().decode(parts['word/document.xml']);
    parts['word/document.xml'] = new TextEncoder().encode(xml.replace('<w:body>', '<w:body><w:p><w:pPr><w:jc w:val="sideways"/></w:pPr></w:p><w:bogus/>'));
    const custom = new TextDecoder().decode(parts['docProps/custom.xml']);
    parts['docProps/custom.xml'] = new TextEncoder().encode(custom.replace(/<vt:lpwstr>/, '<vt:nonsense>').replace(/<\/vt:lpwstr>/, '</vt:nonsense>'));
    const { errors } = await validateDocx({ broken: zipSync(parts) });
    expect(errors.map((e) => e.part).sort()).toEqual(expect.arrayContaining(['docProps/custom.xml', 'word/document.xml']));
    expect(errors.find((e) => e.part === 'word/document.xml')!.message).toMatch(/w:val|bogus/);
  }, 60_000);
});
