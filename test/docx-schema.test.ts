import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/pipeline/build.js';
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

/** A chapter with every kind of block and inline the renderers draw. */
const EVERYTHING = [
  '---', 'id: other', '---', '',
  '## 图片、表格和上下标', '',
  '绿地面积12.5万m<sup>2</sup>，CO<sub>2</sub>下降<u>3%</u>，**加粗**、*倾斜*、~~删除~~、`代码`。<br>另起一行，见[网站](https://www.gov.cn/)。', '',
  '![综合执法队夜间巡查](images/red.png "夜查")', '',
  '<table>', '<caption>执法案件</caption>', '<tr><th colspan="2">案件</th><th rowspan="2">备注</th></tr>', '<tr><th>类别</th><th>数量</th></tr>',
  '<tr><td rowspan="2">立案</td><td>422宗</td><td><img src="images/red.png" alt="小图"></td></tr>', '<tr><td>51宗</td><td>安全<br>生产</td></tr>', '</table>', '',
  '| 项目 | 数量 |', '| :-: | -: |', '| 立案 | {{fig enforcement.cases_filed}} |', '',
  '1. 第一项；', '   1. 其中一小项。', '2. 第二项。', '',
  '- 要点', '', '> 引用一段。', '>', '> > 再引一层。', '',
  '```', '代码行', '```', '',
  '### 脚注', '', '正文[^n]。', '', '[^n]: 注释的内容。', '',
].join('\n');

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
