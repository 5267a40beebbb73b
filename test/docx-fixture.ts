import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../src/pipeline/build.js';
import { builtins, session, exampleFiles, hostOf, repoRoot } from './helpers.js';

/** A chapter with every kind of block and inline the renderers draw. */
export const EVERYTHING = [
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

/** The two attachments the fixture lists after the body. */
export const ATTACHMENTS = ['示例镇2024年度重大行政决策事项目录', '示例镇2024年度行政执法统计表'];

/**
 * The example report plus a long optional chapter (test/fixtures/long-chapter.md) and two
 * attachments: long enough for full pages, with every closing element present.
 */
export async function fixtureFiles(extraYaml = ''): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string | Uint8Array> = await exampleFiles();
  files['chapters/05-other.md'] = await readFile(path.join(repoRoot, 'test', 'fixtures', 'long-chapter.md'), 'utf8');
  files['lawreport.yaml'] += `attachments:\n${ATTACHMENTS.map((a) => `  - ${a}\n`).join('')}${extraYaml}`;
  return files;
}

/** Builds a report's DOCX in memory, failing loudly when the build reports errors. */
export async function buildDocx(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const result = await buildReport(hostOf(files), session, ['docx']);
  const docx = result.outputs.get('docx');
  if (!docx) throw new Error(`build failed: ${result.diagnostics.map((d) => d.message.en).join('; ')}`);
  return docx;
}
