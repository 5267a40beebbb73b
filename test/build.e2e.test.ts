import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, repoRoot, runCli } from './helpers.js';

const TITLE = '示例镇人民政府2024年法治政府建设年度报告';

async function hashTree(dir: string, skip = 'dist'): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.name === skip) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
    }
  };
  await walk(dir);
  return out;
}

/** The visible text of word/document.xml, paragraph by paragraph. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
}

describe('lawreport build on the example report', () => {
  let dir: string;
  let before: Record<string, string>;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = await copyExample();
    before = await hashTree(dir);
    run = await runCli(['build'], dir);
  });

  it('exits 0 and names the three files it wrote', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const ext of ['docx', 'html', 'txt']) expect(run.stdout).toContain(`dist/${TITLE}.${ext}`);
  });

  it('writes a DOCX whose document.xml holds the title, numbered chapters, figures and 成文日期', async () => {
    const paragraphs = docxParagraphs(await readFile(path.join(dir, 'dist', `${TITLE}.docx`)));
    // The title is broken by meaning into centred lines: the organ, then what the report is.
    expect(paragraphs.slice(0, 2)).toEqual(['示例镇人民政府', '2024年法治政府建设年度报告']);
    const chapterHeads = paragraphs.filter((p) => /^[一二三四五]、/.test(p));
    expect(chapterHeads.map((p) => p.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、']);
    expect(chapterHeads[0]).toBe('一、2024年度推进法治政府建设的主要举措和成效');
    expect(chapterHeads[3]).toBe('四、2025年度推进法治政府建设的主要安排');
    expect(paragraphs).toContain('（一）抓实领导干部学法用法');
    expect(paragraphs).toContain('1.落实决策程序');
    expect(paragraphs.join('\n')).toContain('调解成功66件，调解成功率97.06%');
    expect(paragraphs.slice(-3)).toEqual(['中共示例镇委员会', '示例镇人民政府', '2025年2月10日']);
  });

  it('names a Chinese East Asian font on the body text', async () => {
    const xml = new TextDecoder().decode(unzipSync(await readFile(path.join(dir, 'dist', `${TITLE}.docx`)))['word/document.xml']!);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  it('writes a self-contained HTML page with the same content', async () => {
    const html = await readFile(path.join(dir, 'dist', `${TITLE}.html`), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain(`<title>${TITLE}</title>`);
    expect(html).toContain('<h2>一、2024年度推进法治政府建设的主要举措和<span class="heading-end">成效</span></h2>');
    expect(html).toContain('<h3>（一）抓实领导干部学法<span class="heading-end">用法</span></h3>');
    expect(html).toContain('调解成功66件，调解成功率97.06%');
    expect(html).toContain('<p class="date">2025年2月10日</p>');
    expect(html).toContain('<th align="right">数量</th>');
    expect(html).not.toMatch(/<script|<link|src="http|@import/);
  });

  it('writes plain text with generated numbering, blank lines between paragraphs and no hard wraps', async () => {
    const txt = await readFile(path.join(dir, 'dist', `${TITLE}.txt`), 'utf8');
    const blocks = txt.trimEnd().split('\n\n');
    expect(blocks[0]).toBe(TITLE);
    expect(blocks).toContain('一、2024年度推进法治政府建设的主要举措和成效');
    expect(blocks).toContain('（二）规范重大行政决策和合法性审查');
    expect(blocks.find((b) => b.startsWith('镇村两级调解组织'))).toContain('调解成功66件，调解成功率97.06%');
    expect(blocks.at(-1)).toBe('中共示例镇委员会\n示例镇人民政府\n2025年2月10日');
    expect(txt).not.toContain('{{');
  });

  it('never writes into the sources', async () => {
    expect(await hashTree(dir)).toEqual(before);
  });

  it('gives byte-identical outputs on a second build', async () => {
    const first = await hashTree(path.join(dir, 'dist'), '');
    const again = await runCli(['build'], dir);
    expect(again.code).toBe(0);
    expect(await hashTree(path.join(dir, 'dist'), '')).toEqual(first);
  });

  it('leaves the previous outputs intact when a build fails, and says why with file:line:col', async () => {
    const previous = await hashTree(path.join(dir, 'dist'), '');
    const chapter = path.join(dir, 'chapters', '01-measures.md');
    const original = await readFile(chapter, 'utf8');
    await writeFile(chapter, original.replace('{{fig disputes.mediated}}', '{{fig disputes.mediatd}}'));
    try {
      const failed = await runCli(['build'], dir);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toBe('');
      expect(failed.stderr).toMatch(/chapters\/01-measures\.md:\d+:\d+ {2}错误 {2}数据中没有“disputes\.mediatd”/);
      expect(failed.stderr).toContain('是不是“disputes.mediated”？');
      expect(failed.stderr).toContain('未生成输出文件');
      expect(await hashTree(path.join(dir, 'dist'), '')).toEqual(previous);
      const en = await runCli(['build', '--lang', 'en'], dir);
      expect(en.stderr).toContain('No "disputes.mediatd" in the data');
      expect(en.stderr).toContain('Did you mean "disputes.mediated"?');
    } finally {
      await writeFile(chapter, original);
    }
  });

  it('writes only the formats asked for, to the folder asked for', async () => {
    const out = path.join(dir, 'elsewhere');
    const r = await runCli(['build', '.', '--format', 'txt', '-o', 'elsewhere'], dir);
    expect(r.code).toBe(0);
    expect(await readdir(out)).toEqual([`${TITLE}.txt`]);
    await rm(out, { recursive: true });
  });
});

describe('bad input and usage', () => {
  it('exits 2 with a message for a folder that does not exist or is not a report', async () => {
    const dir = await copyExample();
    const missing = await runCli(['build', 'no-such-folder'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件夹“no-such-folder”');
    const notReport = await runCli(['check', 'chapters'], dir);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toContain('找不到 lawreport.yaml');
    expect(notReport.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 1 for malformed YAML with its line and column', async () => {
    const dir = await copyExample();
    await writeFile(path.join(dir, 'metrics.yaml'), 'disputes:\n  received: 68\n  mediated: [66\n');
    const r = await runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/metrics\.yaml:4:1 {2}错误 {2}YAML 语法错误/);
    expect(r.stdout.match(/错误 /g)).toHaveLength(1); // the cause alone, no cascade of template errors
  });

  it('exits 2 for wrong command-line usage', async () => {
    const dir = await copyExample();
    expect((await runCli(['bild'], dir)).code).toBe(2);
    expect((await runCli(['build', '--format', 'pdfx'], dir)).stderr).toContain('未知的输出格式“pdfx”');
    expect((await runCli(['build', '--format', 'pdfx'], dir)).code).toBe(2);
    expect((await runCli(['check', '--bogus'], dir)).stderr).toContain('未知的选项“--bogus”');
  });

  it('refuses to write outputs into the report folder itself or chapters/', async () => {
    const dir = await copyExample();
    for (const out of ['.', 'chapters', 'chapters/x']) {
      const r = await runCli(['build', '-o', out], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain('不能是报告文件夹本身');
    }
  });
});

describe('the installed bin', () => {
  it('runs as a real process and returns the exit code', async () => {
    const dir = await copyExample();
    const bin = path.join(repoRoot, 'bin', 'lawreport.js');
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [bin, 'check', dir], { env: { ...process.env, NO_COLOR: '1' } });
    expect(ok.stdout).toContain('没有发现问题');
    await rm(path.join(dir, 'chapters', '03-first-responsible.md'));
    const failed = await exec(process.execPath, [bin, 'check', dir]).catch((e: { code: number; stdout: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toContain('[chapter-missing]');
  });
});
