import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileReport } from '../src/compile/compile.js';
import { loadReport } from '../src/load/report.js';
import { DOCUMENT_NODE_TYPES, type ReportDocument } from '../src/model.js';
import { buildReport } from '../src/pipeline/build.js';
import { exampleFiles, hostOf, repoRoot, session } from './helpers.js';

/**
 * Every node type that can reach a renderer (model.ts DOCUMENT_NODE_TYPES), each written with a
 * word of its own, and how each output shows it: the DOCX's document.xml (and footnotes.xml),
 * the HTML page (which the PDF prints) and the TXT.
 */
const CASES: Record<string, { source: string; docx: RegExp; html: RegExp; txt: RegExp }> = {
  paragraph: { source: '段落甲乙。', docx: /段落甲乙/, html: /<p>段落甲乙。<\/p>/, txt: /^段落甲乙。$/m },
  text: { source: '文字丙丁。', docx: /文字丙丁/, html: /文字丙丁/, txt: /文字丙丁/ },
  heading: { source: '## 小标题戊', docx: /w:pStyle w:val="Heading2"\/>[\s\S]*?（一）<\/w:t>[\s\S]*?小标题戊/, html: /<h3>（一）小标<span class="heading-end">题戊<\/span><\/h3>/, txt: /^（一）小标题戊$/m },
  strong: { source: '**加粗己**', docx: /<w:b\/>[\s\S]*?加粗己/, html: /<strong>加粗己<\/strong>/, txt: /加粗己/ },
  emphasis: { source: '*倾斜庚*', docx: /<w:i\/>[\s\S]*?倾斜庚/, html: /<em>倾斜庚<\/em>/, txt: /倾斜庚/ },
  delete: { source: '~~删除辛~~', docx: /<w:strike\/>[\s\S]*?删除辛/, html: /<del>删除辛<\/del>/, txt: /删除辛/ },
  underline: { source: '<u>下划线壬</u>', docx: /<w:u w:val="single"\/>[\s\S]*?下划线壬/, html: /<u>下划线壬<\/u>/, txt: /下划线壬/ },
  superscript: { source: '面积m<sup>2</sup>', docx: /<w:vertAlign w:val="superscript"\/>[\s\S]*?<w:t[^>]*>2<\/w:t>/, html: /m<sup>2<\/sup>/, txt: /面积m²/ },
  subscript: { source: '排放CO<sub>2</sub>', docx: /<w:vertAlign w:val="subscript"\/>[\s\S]*?<w:t[^>]*>2<\/w:t>/, html: /CO<sub>2<\/sub>/, txt: /排放CO₂/ },
  break: { source: '上一行癸<br>下一行子', docx: /上一行癸<\/w:t><\/w:r><w:r>.*?<w:br\/>/, html: /上一行癸<br>\s*下一行子/, txt: /上一行癸\n下一行子/ },
  inlineCode: { source: '`代码丑`', docx: /代码丑/, html: /<code>代码丑<\/code>/, txt: /代码丑/ },
  link: { source: '[网站寅](https://www.gov.cn/)', docx: /网站寅（https:\/\/www.gov.cn\/）/, html: /<a href="https:\/\/www.gov.cn\/">网站寅<\/a>/, txt: /网站寅（https:\/\/www.gov.cn\/）/ },
  image: { source: '<table><tr><td><img src="images/red.png" alt="格中图卯"></td></tr></table>', docx: /descr="格中图卯"/, html: /<td><img[^>]*alt="格中图卯"/, txt: /［图：格中图卯］/ },
  figure: { source: '![插图辰](images/red.png)', docx: /descr="插图辰"[\s\S]*?图1 插图辰/, html: /<figure><img[^>]*alt="插图辰"[^>]*><figcaption>图1 插图辰<\/figcaption><\/figure>/, txt: /^图1 插图辰$/m },
  list: { source: '1. 列表巳', docx: /ListParagraph[\s\S]*?1\.[\s\S]*?列表巳/, html: /<ol>[\s\S]*?1\.[\s\S]*?列表巳/, txt: /^1\.列表巳$/m },
  listItem: { source: '- 条目午', docx: /ListParagraph[\s\S]*?·[\s\S]*?条目午/, html: /<li><span class="marker">·<\/span>条目午<\/li>/, txt: /^·条目午$/m },
  blockquote: { source: '> 引用未', docx: /w:pStyle w:val="Quote"[\s\S]*?引用未/, html: /<blockquote>\s*<p>引用未<\/p>\s*<\/blockquote>/, txt: /^引用未$/m },
  code: { source: '```\n代码块申\n```', docx: /代码块申/, html: /<pre><code>代码块申\n<\/code><\/pre>/, txt: /^代码块申$/m },
  table: { source: '| 表头酉 | 列二 |\n| - | - |\n| 格戌 | 格亥 |', docx: /<w:tblHeader\/>[\s\S]*?表头酉/, html: /<thead><tr><th>表头酉<\/th>/, txt: /^表头酉\t列二$/m },
  tableRow: { source: '<table><tr><td>行一</td></tr><tr><td>行二</td></tr></table>', docx: /行一[\s\S]*?<w:tr>[\s\S]*?行二/, html: /<tr><td>行一<\/td><\/tr><tr><td>行二<\/td><\/tr>/, txt: /^行一\n行二$/m },
  tableCell: { source: '<table><tr><td colspan="2">合并格</td></tr><tr><td rowspan="2">纵合</td><td>甲格</td></tr><tr><td>乙格</td></tr></table>', docx: /<w:gridSpan w:val="2"\/>[\s\S]*?合并格[\s\S]*?<w:vMerge w:val="restart"\/>[\s\S]*?纵合[\s\S]*?<w:vMerge w:val="continue"\/>/, html: /<td colspan="2">合并格<\/td>[\s\S]*<td rowspan="2">纵合<\/td>/, txt: /^合并格\t\n纵合\t甲格\n\t乙格$/m },
  footnoteReference: { source: '见注释[^z]。\n\n[^z]: 注释内容乾。', docx: /<w:footnoteReference w:id="\d+"\/>/, html: /<sup><a href="#[^"]*fn-z"[^>]*>1<\/a><\/sup>/, txt: /见注释\[1\]。/ },
  footnoteDefinition: { source: '又见[^y]。\n\n[^y]: 注释内容坤。', docx: /注释内容坤/, html: /<li id="[^"]*fn-y">[\s\S]*?注释内容坤/, txt: /^\[1\] 注释内容坤。$/m },
};

let png: Uint8Array;
let base: Record<string, string | Uint8Array>;
beforeAll(async () => {
  png = new Uint8Array(await readFile(path.join(repoRoot, 'test/fixtures/red-2x1.png')));
  base = { ...(await exampleFiles()), 'images/red.png': png };
});

const chapter = (body: string) => `---\nid: other\n---\n\n${body}\n`;

async function outputs(body: string) {
  const result = await buildReport(hostOf({ ...base, 'chapters/05-other.md': chapter(body) }), session, ['docx', 'html', 'txt']);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const parts = unzipSync(result.outputs.get('docx')!);
  const xml = ['word/document.xml', 'word/footnotes.xml'].map((p) => new TextDecoder().decode(parts[p])).join('\n');
  const section = /<section class="chapter" id="other"[\s\S]*?<\/section>/.exec(new TextDecoder().decode(result.outputs.get('html')))![0];
  const txt = new TextDecoder().decode(result.outputs.get('txt'));
  return { xml, html: section, txt: txt.slice(txt.indexOf('五、其他需要报告的情况')), diagnostics: result.diagnostics };
}

/** Every node type in a compiled document's chapter bodies. */
function typesIn(doc: ReportDocument): Set<string> {
  const seen = new Set<string>();
  const walk = (node: { type: string; children?: unknown[] }) => {
    seen.add(node.type);
    for (const c of node.children ?? []) walk(c as { type: string; children?: unknown[] });
  };
  for (const c of [...(doc.preface ? [doc.preface] : []), ...doc.chapters]) c.body.children.forEach((n) => walk(n));
  return seen;
}

async function compiled(body: string): Promise<{ doc?: ReportDocument; ruleIds: string[] }> {
  const loaded = await loadReport(hostOf({ ...base, 'chapters/05-other.md': chapter(body) }), session);
  const result = await compileReport(loaded.source!);
  return { doc: result.document, ruleIds: result.diagnostics.map((d) => d.ruleId) };
}

describe('every node type that can reach a renderer is rendered by every format', () => {
  it('the cases cover the whole list, and nothing outside it reaches a renderer', async () => {
    expect(Object.keys(CASES).sort()).toEqual([...DOCUMENT_NODE_TYPES].sort());
    const { doc } = await compiled(Object.values(CASES).map((c) => c.source).join('\n\n'));
    expect([...typesIn(doc!)].sort()).toEqual([...DOCUMENT_NODE_TYPES].sort());
  });

  it.each(Object.entries(CASES))('%s: in the DOCX, the HTML (and so the PDF) and the TXT', async (_type, c) => {
    const { xml, html, txt } = await outputs(`开头。\n\n${c.source}`);
    expect(xml).toMatch(c.docx);
    expect(html).toMatch(c.html);
    expect(txt).toMatch(c.txt);
  });

  it('whatever else a chapter writes becomes one of those types, or a diagnostic at its line', async () => {
    const raw = fc.oneof(
      fc.constantFrom('<font color="red">红字</font>', '<center>居中</center>', '<script>x()</script>', '<iframe src="x"></iframe>', '<div><p>块</p></div>', '<mark>标</mark>', '<span>段</span>', '<q>引</q>', '<b><i>粗斜</i></b>', '<br/>', '<!-- 注释 -->', '<![CDATA[x]]>', '<hr>'),
      fc.constantFrom('---', '[引用链接][r]\n\n[r]: https://www.gov.cn/', '![图][p]\n\n[p]: images/red.png', '[^u]: 没有引用的注释', '[文件](附件/a.pdf)', '<table><tr><td rowspan="9" colspan="99">大</td></tr></table>', '<ul><li>一</li><li><ol><li>二</li></ol></li></ul>'),
      fc.constantFrom('正文。', '**粗**', '<sup>上</sup>', '<u>线</u>'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(raw, { minLength: 1, maxLength: 6 }), async (pieces) => {
        const { doc } = await compiled(`开头。\n\n${pieces.join('\n\n')}`);
        expect(doc).toBeDefined();
        for (const type of typesIn(doc!)) expect(DOCUMENT_NODE_TYPES).toContain(type);
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    ['<font color="red">红字</font>', 'html-unsupported', 1],
    ['文字<script>alert(1)</script>', 'html-unsupported', 1],
    ['上文\n\n---\n\n下文', 'markdown-unsupported', 3],
    ['正文。\n\n[^u]: 没有引用的注释', 'markdown-unsupported', 3],
    ['[附件](附件/a.pdf)', 'markdown-unsupported', 1],
    ['<div>\n<hr>\n</div>', 'markdown-unsupported', 2],
  ])('%s is diagnosed at its source line, not silently dropped', async (source, ruleId, line) => {
    // The source starts on line 6: front matter (3 lines), 「开头。」, a blank line.
    const result = await buildReport(hostOf({ ...base, 'chapters/05-other.md': `---\nid: other\n---\n开头。\n\n${source}\n` }), session, ['txt']);
    const found = result.diagnostics.find((d) => d.ruleId === ruleId);
    expect(found, JSON.stringify(result.diagnostics)).toBeDefined();
    expect(found!.file).toBe('chapters/05-other.md');
    expect(found!.line).toBe(5 + line);
  });
});
