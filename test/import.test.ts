import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../src/source/yaml.js';
import { repoRoot, runCli } from './helpers.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'import');
const XIAOHE = 'xiaohe-2024.txt';
const QINGSHAN = 'qingshan-2023.txt';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'lawreport-import-'));
}

/** Every file of a folder (but dist/) as text, by relative path. */
async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.name === 'dist') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[path.relative(dir, p)] = await readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

const yamlOf = (text: string) => parseYaml(text, 'x.yaml').doc!.value as Record<string, any>;

/** The same report as a Word file, one paragraph per line; the title in Word's Title style. */
async function docxOf(text: string): Promise<Buffer> {
  const lines = text.split('\n').filter((l) => l.trim());
  const children = lines.map((line) =>
    /年度报告$/.test(line) ? new Paragraph({ text: line, heading: HeadingLevel.TITLE }) : new Paragraph({ text: line }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Imports `bytes` saved as `name` into a fresh folder; returns the run and the folder's files. */
async function importBytes(name: string, bytes: Uint8Array | string, args: string[] = []) {
  const dir = await tempDir();
  await writeFile(path.join(dir, name), bytes);
  const run = await runCli(['import', name, '-o', 'out', ...args], dir);
  return { dir, run, out: path.join(dir, 'out'), files: run.code === 0 ? await readTree(path.join(dir, 'out')) : {} };
}

describe('lawreport import: a town report saved from a web page (TXT, UTF-8)', () => {
  let result: Awaited<ReturnType<typeof importBytes>>;
  let source: string;
  beforeAll(async () => {
    source = await readFile(path.join(fixtures, XIAOHE), 'utf8');
    result = await importBytes(XIAOHE, source);
  });

  it('finds title, org, year, 成文日期 and signature', () => {
    expect(result.run.code).toBe(0);
    const config = yamlOf(result.files['lawreport.yaml']!);
    expect(config.org).toBe('示例县小河镇人民政府');
    expect(config.year).toBe(2024);
    expect(config.date).toBe('2025-02-10');
    // The title is the default one for this org and year, so it is not repeated.
    expect(config.title).toBeUndefined();
    expect(config.signature).toEqual(['小河镇人民政府']);
    expect(result.run.stdout).toContain('示例县小河镇人民政府2024年法治政府建设年度报告');
  });

  it('maps chapters by meaning and splits the chapter that merges 问题 and 打算', () => {
    expect(Object.keys(result.files).filter((f) => f.startsWith('chapters/')).sort()).toEqual([
      'chapters/00-preface.md',
      'chapters/01-measures.md',
      'chapters/02-shortcomings.md',
      'chapters/04-next-year.md',
    ]);
    expect(result.files['chapters/02-shortcomings.md']).toContain('部分村级调解员业务能力不足');
    expect(result.files['chapters/02-shortcomings.md']).not.toContain('分批开展调解员培训');
    expect(result.files['chapters/04-next-year.md']).toContain('分批开展调解员培训');
    expect(result.run.stdout).toContain('[import-chapter-split]');
  });

  it('reports the required 第一责任人 chapter that appears only as a sub-section, with its line', () => {
    const line = source.split('\n').findIndex((l) => l.includes('(四)主要负责人履行')) + 1;
    expect(result.run.stdout).toMatch(new RegExp(`${XIAOHE}:${line}:1 .*小节“主要负责人履行推进法治建设第一责任人职责情况”.*\\[import-chapter-missing\\]`));
  });

  it('writes headings without typed numbers, for 「(一)」 and 「1、」 alike, and keeps long 「1.」 items a list', () => {
    const measures = result.files['chapters/01-measures.md']!;
    expect(measures).toContain('\n## 学法用法常态化\n');
    expect(measures).toContain('\n### 镇党委坚持会前学法\n\n全年党委中心组学法7次');
    expect(measures).toContain('\n1. 推行“一窗受理”');
    expect(measures).not.toMatch(/^#+ *(?:[（(][一二三四]|\d[、.])/m);
  });

  it('drops the web page around the text and keeps the preface', () => {
    const all = Object.values(result.files).join('\n');
    for (const debris of ['navBar', '首页', '字体', '浏览次数', '分享到', '发布日期']) expect(all).not.toContain(debris);
    expect(result.files['chapters/00-preface.md']).toContain('小河镇围绕全年目标');
    // The page repeats the title above the article: neither copy is body text.
    expect(result.files['chapters/00-preface.md']).not.toContain('年度报告');
  });

  it('puts the figures in metrics.yaml, each with the sentence and line it came from', () => {
    const metricsText = result.files['metrics.yaml']!;
    expect(yamlOf(metricsText)).toEqual({
      study: { central_group: 7 },
      disputes: { mediated: 1420, rate: 94.5 },
      petitions: { batches: 348, persons: 657 },
      hotline: { received: 2254, close_rate: 97 },
    });
    const line = source.split('\n').findIndex((l) => l.includes('1420件')) + 1;
    expect(metricsText).toMatch(new RegExp(`mediated: 1420 +# 调解成功（件），第 ${line} 行：「依托镇村两级调解组织，全年化解矛盾纠纷1420件，`));
  });

  it('leaves the figures literal unless --template-figures', () => {
    expect(result.files['chapters/01-measures.md']).toContain('化解矛盾纠纷1420件');
  });

  it('passes check apart from the chapter the report lacks', async () => {
    const check = await runCli(['check', 'out', '--format', 'json'], result.dir);
    const errors = (JSON.parse(check.stdout) as { ruleId: string; severity: string }[]).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.ruleId)).toEqual(['chapter-missing']);
  });
});

describe('lawreport import --template-figures', () => {
  it('swaps figures for references and the built text reads exactly as with literals', async () => {
    const source = await readFile(path.join(fixtures, XIAOHE));
    const literal = await importBytes(XIAOHE, source);
    const templated = await importBytes(XIAOHE, source, ['--template-figures']);
    const measures = templated.files['chapters/01-measures.md']!;
    expect(measures).toContain('化解矛盾纠纷{{fig disputes.mediated}}，调解成功率达{{fig disputes.rate}}');
    expect(measures).toContain('受理12345热线工单{{fig hotline.received}}');
    expect(measures).toContain('接待来访群众{{fig petitions.batches}}{{fig petitions.persons}}');
    const texts: string[] = [];
    for (const run of [literal, templated]) {
      // The outline wants the 第一责任人 chapter: add it so the report builds.
      await writeFile(path.join(run.out, 'chapters', '03-first-responsible.md'), '镇主要负责人带头述法。\n');
      const build = await runCli(['build', 'out', '-f', 'txt'], run.dir);
      expect(build.code, build.stderr).toBe(0);
      const dist = path.join(run.out, 'dist');
      texts.push(await readFile(path.join(dist, (await readdir(dist))[0]!), 'utf8'));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[0]).toContain('化解矛盾纠纷1420件，调解成功率达94.5%');
  });
});

describe('lawreport import: encodings and formats give the same folder', () => {
  let reference: Record<string, string>;
  let source: string;
  const sameAsReference = (files: Record<string, string>, name: string) => {
    const strip = (f: Record<string, string>) =>
      Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.replaceAll(name, XIAOHE)]));
    expect(strip(files)).toEqual(reference);
  };
  beforeAll(async () => {
    source = await readFile(path.join(fixtures, XIAOHE), 'utf8');
    reference = (await importBytes(XIAOHE, source)).files;
  });

  it('GBK (what Windows Notepad saves as ANSI on a Chinese system)', async () => {
    const { run, files } = await importBytes('gbk.txt', iconv.encode(source, 'gbk'));
    expect(run.stdout).toContain('编码：gb18030');
    sameAsReference(files, 'gbk.txt');
  });

  it('UTF-8 with BOM, CRLF line ends, full-width brackets and digits', async () => {
    const windows = '\ufeff' + source.replace('(二)化解矛盾纠纷', '（二）化解矛盾纠纷').replace('1420件', '１４２０件').replace(/\n/g, '\r\n');
    const { files } = await importBytes('bom.txt', windows);
    sameAsReference(files, 'bom.txt');
  });

  it('UTF-16 with BOM', async () => {
    const { files } = await importBytes('utf16.txt', iconv.encode(source, 'utf-16le', { addBOM: true }));
    sameAsReference(files, 'utf16.txt');
  });

  it('DOCX: same title, chapters and figures; the comments say "段" (paragraph) for the place', async () => {
    const { run, files } = await importBytes('xiaohe.docx', await docxOf(source));
    expect(run.code, run.stderr).toBe(0);
    expect(yamlOf(files['lawreport.yaml']!)).toMatchObject({ org: '示例县小河镇人民政府', year: 2024, date: '2025-02-10' });
    expect(yamlOf(files['metrics.yaml']!)).toEqual(yamlOf(reference['metrics.yaml']!));
    expect(files['metrics.yaml']).toMatch(/mediated: 1420 +# 调解成功（件），第 \d+ 段：/);
    expect(files['chapters/04-next-year.md']).toContain('分批开展调解员培训');
    expect(files['chapters/01-measures.md']).toContain('\n## 化解矛盾纠纷\n');
  });

  it('bytes that are no known encoding: exit 2, asking for --encoding, nothing written', async () => {
    const big5 = iconv.encode('一、主要工作\n鎮政府全年辦理案件。\n', 'big5');
    const { dir, run } = await importBytes('big5.txt', big5);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--encoding');
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
    const named = await runCli(['import', 'big5.txt', '-o', 'out', '--encoding', 'big5'], dir);
    expect(named.code, named.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'out', 'chapters', '01-measures.md'), 'utf8')).toContain('鎮政府全年辦理案件');
  });
});

describe('lawreport import: a report with no signature, a themed chapter after the measures and an unsplittable merge', () => {
  let result: Awaited<ReturnType<typeof importBytes>>;
  beforeAll(async () => {
    result = await importBytes(QINGSHAN, await readFile(path.join(fixtures, QINGSHAN)));
  });

  it('takes the org from the title, the year from it, the date from the end, and warns about the signature', () => {
    expect(result.run.code).toBe(0);
    const config = yamlOf(result.files['lawreport.yaml']!);
    expect(config).toMatchObject({ org: '青山街道', year: 2023, date: '2024-01-26' });
    expect(config.signature).toBeUndefined();
    expect(result.run.stdout).toContain('[import-no-signature]');
  });

  it('maps the 第一责任人 chapter written first, the themed chapter to the measures (kept apart, own title), warns about the merge', () => {
    expect(result.files['chapters/03-first-responsible.md']).toContain('党工委书记主持召开法治建设专题会议');
    expect(result.files['chapters/01-measures-1.md']).toMatch(/^---\nid: measures\ntitle: 推进法治政府建设的主要举措和成效\n---/);
    expect(result.files['chapters/01-measures-2.md']).toMatch(/^---\nid: measures\ntitle: 疫情防控工作\n---/);
    expect(result.run.stdout).toMatch(/:13:1 .*疫情防控工作.*\[import-chapter-themed\]/);
    expect(result.files['chapters/02-shortcomings.md']).toContain('下一步打算通过招录和培训');
    expect(result.run.stdout).toMatch(/:15:1 .*合并了.*全文暂归入前者.*\[import-chapter-merged\]/);
    expect(result.run.stdout).not.toContain('原文没有提纲要求的');
  });

  it('turns 「1.」 run-in headings and 「（1）」 headings into ### and ####', () => {
    const measures = result.files['chapters/01-measures-1.md']!;
    expect(measures).toContain('### 加强行政执法\n\n街道综合执法队全年行政执法立案共422宗，结案338宗。');
    expect(measures).toContain('#### 推行说理式执法');
    expect(yamlOf(result.files['metrics.yaml']!)).toEqual({
      decisions: { major: 3 },
      enforcement: { cases_filed: 422, cases_closed: 338 },
      litigation: { received: 30, head_appearances: 12, lost: 0 },
    });
  });

  it('check reports what the clerk must still decide: the missing 安排 (error); the two parts of the measures are no duplicate', async () => {
    const check = await runCli(['check', 'out', '--format', 'json'], result.dir);
    const found = JSON.parse(check.stdout) as { ruleId: string; severity: string }[];
    expect(found.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['chapter-missing']);
    expect(found.map((d) => d.ruleId)).not.toEqual(expect.arrayContaining(['chapter-unknown']));
    expect(found.map((d) => d.ruleId)).not.toContain('chapter-duplicate');
  });
});

describe('lawreport import: structure from the file itself', () => {
  it('DOCX whose title spans two Title paragraphs and whose chapters are Word headings without typed numbers', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            // The title over two lines, as GB/T 9704 titles often are.
            new Paragraph({ text: '示例镇人民政府', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '2024年法治政府建设年度报告', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '主要举措和成效', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '矛盾纠纷化解', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: '全年受理调解案件55起，调解成功率达94.5%。' }),
            new Paragraph({ text: '存在的不足和原因', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '调解员队伍年龄偏大。' }),
            new Paragraph({ text: '2025年2月10日' }),
          ],
        },
      ],
    });
    const { run, files } = await importBytes('styled.docx', await Packer.toBuffer(doc));
    expect(run.code, run.stderr).toBe(0);
    expect(files['chapters/01-measures.md']).toContain('\n## 矛盾纠纷化解\n\n全年受理调解案件55起');
    expect(files['chapters/02-shortcomings.md']).toContain('调解员队伍年龄偏大。');
    expect(yamlOf(files['metrics.yaml']!)).toEqual({ disputes: { received: 55, rate: 94.5 } });
    expect(yamlOf(files['lawreport.yaml']!)).toMatchObject({ org: '示例镇人民政府', year: 2024, date: '2025-02-10' });
    expect(files['chapters/00-preface.md']).toBeUndefined();
  });

  it('Markdown: # marks give the levels, typed numbers in them are dropped', async () => {
    const md = [
      '# 示例镇人民政府2024年法治政府建设年度报告',
      '',
      '## 一、主要工作',
      '',
      '### （一）学法用法',
      '',
      '全年党委中心组学法7次。',
      '',
      '## 二、下一步打算',
      '',
      '- 继续开展**旁听庭审**。',
      '',
      '示例镇人民政府',
      '',
      '2025年2月10日',
    ].join('\n');
    const { run, files } = await importBytes('report.md', md);
    expect(run.code, run.stderr).toBe(0);
    expect(files['chapters/01-measures.md']).toContain('\n## 学法用法\n\n全年党委中心组学法7次。');
    expect(files['chapters/04-next-year.md']).toContain('继续开展旁听庭审。');
    expect(yamlOf(files['metrics.yaml']!)).toEqual({ study: { central_group: 7 } });
  });
});

describe('lawreport import: a merged 问题 and 打算 chapter without sub-headings', () => {
  it('splits where a paragraph starts 「下一步」', async () => {
    const text = [
      '示例乡人民政府2024年法治政府建设年度报告',
      '一、主要工作',
      '全年党委中心组学法6次。',
      '二、主要负责人履行推进法治建设第一责任人职责情况',
      '乡长带头学法。',
      '三、存在的问题和下一步打算',
      '执法人员偏少，培训不够。',
      '下一步，我乡将补齐执法力量。',
      '示例乡人民政府',
      '2025年3月1日',
    ].join('\n');
    const { run, files } = await importBytes('merged.txt', text);
    expect(run.code, run.stderr).toBe(0);
    expect(files['chapters/02-shortcomings.md']).toMatch(/执法人员偏少，培训不够。\n$/);
    expect(files['chapters/04-next-year.md']).toMatch(/下一步，我乡将补齐执法力量。\n$/);
    expect(run.stdout).toMatch(/merged\.txt:6:1 .*从第 8 行处拆开.*\[import-chapter-split\]/);
  });
});

describe('lawreport import: a figure stated for a part and for the whole', () => {
  it('metrics.yaml gets the whole, the part is quoted beneath it, and check finds no mismatch', async () => {
    const text = [
      '示例镇人民政府2024年法治政府建设年度报告',
      '一、主要工作',
      '各村居法律顾问提供法律服务392件次。全镇公共法律服务站提供法律服务420件次。',
      '二、主要负责人履行推进法治建设第一责任人职责情况',
      '镇长带头学法。',
      '三、存在的不足和原因',
      '服务站人手不足。',
      '四、下一步打算',
      '继续推进。',
      '2025年2月10日',
    ].join('\n');
    const { run, dir, files } = await importBytes('part.txt', text);
    expect(run.code, run.stderr).toBe(0);
    expect(yamlOf(files['metrics.yaml']!)).toEqual({ legal_services: { services: 420 } });
    expect(files['metrics.yaml']).toMatch(/services: 420 .*\n  # 另一个数 392，第 3 行/);
    const check = await runCli(['check', 'out', '--format', 'json'], dir);
    expect(check.stdout).not.toContain('prose-figure-mismatch');
  });
});

describe('lawreport import: control characters', () => {
  it('are removed with a warning naming the line, never written into the folder', async () => {
    const text = '示例乡人民政府2024年法治政府建设年度报告\n一、主要工作\n全年\u0007党委中心组学法6次。\n2025年3月1日\n';
    const { run, files } = await importBytes('bell.txt', text);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/bell\.txt:3:\d+ .*\[control-character\]/);
    expect(files['chapters/01-measures.md']).toContain('全年党委中心组学法6次。');
  });
});

describe('lawreport import: where it writes', () => {
  it('without -o, into a folder named after the file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '去年的报告.txt'), await readFile(path.join(fixtures, QINGSHAN)));
    const run = await runCli(['import', '去年的报告.txt'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, '去年的报告', 'lawreport.yaml'), 'utf8')).toContain('org: 青山街道');
  });
});

describe('lawreport import: refusals', () => {
  it('will not overwrite an existing folder unless --force, and names the files', async () => {
    const { dir } = await importBytes(XIAOHE, await readFile(path.join(fixtures, XIAOHE)));
    await writeFile(path.join(dir, 'out', 'metrics.yaml'), 'study:\n  central_group: 9\n');
    const again = await runCli(['import', XIAOHE, '-o', 'out'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('metrics.yaml');
    expect(again.stderr).toContain('--force');
    expect(await readFile(path.join(dir, 'out', 'metrics.yaml'), 'utf8')).toBe('study:\n  central_group: 9\n');
    await writeFile(path.join(dir, 'out', 'chapters', '07-old-notes.md'), '去年的旧稿。\n');
    const forced = await runCli(['import', XIAOHE, '-o', 'out', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(dir, 'out', 'metrics.yaml'), 'utf8')).toContain('central_group: 7');
    // A chapter file import does not write is left alone, and named, since it is still read.
    expect(forced.stderr).toContain('chapters/07-old-notes.md');
    expect(await readFile(path.join(dir, 'out', 'chapters', '07-old-notes.md'), 'utf8')).toBe('去年的旧稿。\n');
  });

  it('a report with a title but no chapter headings: all of it in the first chapter, with a warning, nothing dropped', async () => {
    const { run, files } = await importBytes('plain.txt', '示例镇2024年法治政府建设工作总结\n全年化解矛盾纠纷12件。\n存在的不足是执法力量偏弱。\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('[import-chapters-unmarked]');
    expect(files['chapters/01-measures.md']).toContain('全年化解矛盾纠纷12件。\n\n存在的不足是执法力量偏弱。');
  });

  it('a text without numbered chapters is not a report: exit 1, nothing written', async () => {
    const { dir, run } = await importBytes('notes.txt', '会议纪要\n今天讨论了食堂的菜单。\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[import-no-chapters]');
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  });

  it('a .docx that is not a Word file: a message, no stack trace, nothing written', async () => {
    const { dir, run } = await importBytes('broken.docx', 'this is not a zip file');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[import-unreadable]');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  });

  it('an old .doc file is refused with what to do', async () => {
    const { run } = await importBytes('old.doc', 'x');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('另存为 .docx');
  });
});

describe('lawreport import: a district report whose measures are three themed chapters', () => {
  const DONGPO = 'dongpo-district-2023.txt';
  let result: Awaited<ReturnType<typeof importBytes>>;
  beforeAll(async () => {
    result = await importBytes(DONGPO, await readFile(path.join(fixtures, DONGPO)));
  });

  it('drops the page, the repeated title and the addressee; finds title, body, year, date and signature', () => {
    expect(result.run.code, result.run.stderr).toBe(0);
    const config = yamlOf(result.files['lawreport.yaml']!);
    expect(config).toMatchObject({ org: '示例市东坡区人民政府', year: 2023, date: '2024-02-20', title: '示例市东坡区人民政府关于2023年度法治政府建设情况的报告' });
    const all = Object.values(result.files).join('\n');
    for (const debris of ['浏览器', '首页', '浏览次数', '市委、市政府：', '分享到']) expect(all).not.toContain(debris);
  });

  it('maps the themed chapters to the measures, each part with its own title; 2024年工作打算 to the plans', () => {
    const chapters = Object.keys(result.files).filter((f) => f.startsWith('chapters/')).sort();
    expect(chapters).toEqual([
      'chapters/00-preface.md',
      'chapters/01-measures-1.md',
      'chapters/01-measures-2.md',
      'chapters/01-measures-3.md',
      'chapters/02-shortcomings.md',
      'chapters/03-first-responsible.md',
      'chapters/04-next-year.md',
    ]);
    expect(result.files['chapters/01-measures-1.md']).toMatch(/^---\nid: measures\ntitle: 坚持党的领导，统筹推进法治建设\n---/);
    // The run-in heading's text stays the chapter's first paragraph.
    expect(result.files['chapters/01-measures-1.md']).toContain('区政府常务会议全年专题研究法治工作6次');
    expect(result.files['chapters/01-measures-3.md']).toMatch(/title: 规范行政执法，提升执法质效/);
    expect(result.files['chapters/04-next-year.md']).toContain('年内完成执法人员轮训');
    expect(result.run.stdout.match(/\[import-chapter-themed\]/g)).toHaveLength(3);
  });

  it('reads the figures as the report phrases them', () => {
    expect(yamlOf(result.files['metrics.yaml']!)).toMatchObject({
      study: { central_group: 4 },
      enforcement: { cases_filed: 215, cases_closed: 198, certificates_new: 12, certificates_revoked: 3 },
    });
  });

  it('check accepts the parts (no duplicate, no unknown chapter) and build numbers them as written', async () => {
    const check = await runCli(['check', 'out', '--format', 'json'], result.dir);
    const found = JSON.parse(check.stdout) as { ruleId: string; severity: string }[];
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.map((d) => d.ruleId)).not.toEqual(expect.arrayContaining(['chapter-duplicate']));
    expect(found.map((d) => d.ruleId)).not.toEqual(expect.arrayContaining(['chapter-unknown']));
    const build = await runCli(['build', 'out', '-f', 'txt'], result.dir);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const dist = path.join(result.out, 'dist');
    const text = await readFile(path.join(dist, (await readdir(dist)).find((f) => f.endsWith('.txt'))!), 'utf8');
    const headings = text.split('\n').filter((l) => /^[一二三四五六]、/.test(l));
    expect(headings).toEqual([
      '一、坚持党的领导，统筹推进法治建设',
      '二、优化法治化营商环境，依法全面履行职能',
      '三、规范行政执法，提升执法质效',
      '四、2023年度推进法治政府建设存在的不足和原因',
      '五、2023年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '六、2024年度推进法治政府建设的主要安排',
    ]);
  });
});

describe('lawreport import: a township summary in traditional characters, with no year and no date', () => {
  const LINGXI = 'lingxi-township-trad.txt';
  let result: Awaited<ReturnType<typeof importBytes>>;
  beforeAll(async () => {
    result = await importBytes(LINGXI, await readFile(path.join(fixtures, LINGXI)));
  });

  it('recognises title, body and chapters through the match form and keeps the prose as written', () => {
    expect(result.run.code, result.run.stderr).toBe(0);
    expect(result.files['lawreport.yaml']).toContain('title: 示例縣靈溪鄉法治政府建設工作總結');
    expect(yamlOf(result.files['lawreport.yaml']!).org).toBe('示例縣靈溪鄉');
    expect(result.files['chapters/01-measures.md']).toContain('鄉政府規(guī)范重大事項集體討論程序');
    expect(result.files['chapters/02-shortcomings.md']).toContain('法制政府建設');
    expect(yamlOf(result.files['metrics.yaml']!)).toEqual({ disputes: { mediated: 12 } });
  });

  it('leaves year for the clerk, saying what it looked at; never a made-up year', () => {
    const config = yamlOf(result.files['lawreport.yaml']!);
    expect(config.year).toBeUndefined();
    expect(result.files['lawreport.yaml']).toMatch(/^# year: YYYY .*待补充/m);
    expect(result.run.stdout).toMatch(/没有找到报告年度（看过：标题、开头一段、章节标题；原文没有成文日期）.*\[import-no-year\]/);
  });

  it('check keeps going past the missing year and date: chapters, wording and figures are still judged', async () => {
    const check = await runCli(['check', 'out', '--format', 'json'], result.dir);
    const found = JSON.parse(check.stdout) as { ruleId: string; severity: string; message: string }[];
    const ids = found.map((d) => d.ruleId);
    expect(ids.filter((id) => id === 'config-schema')).toHaveLength(2);
    expect(ids).toEqual(expect.arrayContaining(['chapter-missing', 'term-fazhi-zhengfu']));
    expect(found.filter((d) => d.ruleId === 'chapter-missing')).toHaveLength(2);
    expect(check.code).toBe(1);
  });
});
