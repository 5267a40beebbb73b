import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../src/fmt/markdown.js';
import { copyExample, runCli } from './helpers.js';

const MESSY = '---\nid: other\n---\n\n推进法制政府建设,24年度完成;具体:\n\n1、开展讲座{{fig pufa.lectures}}(含线上)；\n2、降幅15～30%，见`a,b`和《关于(试行)的通知》。\n';
const FIXED = '---\nid: other\n---\n\n推进法治政府建设，2024年度完成；具体：\n\n1. 开展讲座{{fig pufa.lectures}}（含线上）；\n2. 降幅15%～30%，见`a,b`和《关于(试行)的通知》。\n';

async function withChapter(text: string) {
  const dir = await copyExample();
  const file = path.join(dir, 'chapters', '05-other.md');
  await writeFile(file, text);
  return { dir, file };
}

describe('lawreport fmt', () => {
  it('finds the example report already in its stable form', async () => {
    const run = await runCli(['fmt', '--check'], await copyExample());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('所有章节已是规范格式');
  });

  it('--check lists what would change and exits 1, writing nothing', async () => {
    const { dir, file } = await withChapter(MESSY);
    const run = await runCli(['fmt', '--fix', '--check'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('需要格式化 chapters/05-other.md（第 5, 7, 8 行，10 处修正）');
    expect(await readFile(file, 'utf8')).toBe(MESSY);
  });

  it('--fix applies the safe fixes, leaves code, links and 《…》 alone, and a second run changes nothing', async () => {
    const { dir, file } = await withChapter(MESSY);
    expect((await runCli(['check'], dir)).code).toBe(1);
    const run = await runCli(['fmt', '--fix'], dir);
    expect(run.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(FIXED);
    expect((await runCli(['fmt', '--fix'], dir)).stdout).toContain('所有章节已是规范格式');
    const checked = await runCli(['check'], dir);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('没有发现问题');
  });

  it('without --fix only restyles the Markdown: wording stays as written', async () => {
    const { dir, file } = await withChapter('---\nid: other\n---\n\n* 推进法制政府建设\n* 其他\n');
    await runCli(['fmt'], dir);
    expect(await readFile(file, 'utf8')).toBe('---\nid: other\n---\n\n- 推进法制政府建设\n- 其他\n');
  });

  it('check --fix applies the fixes without restyling, then checks; stdout stays the check\'s JSON', async () => {
    const { dir, file } = await withChapter('---\nid: other\n---\n\n* 推进法制政府建设\n');
    const run = await runCli(['check', '--fix', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('---\nid: other\n---\n\n* 推进法治政府建设\n');
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toContain('已修正 chapters/05-other.md（第 5 行，1 处修正）');
  });

  it('keeps Handlebars byte for byte where remark would escape it', () => {
    const text = '全年{{fig study.central_group unit="*次*"}}，{{#if pufa.lectures}}讲座_{{pufa.lectures}}_场{{/if}}。\n\n{{!-- 备注 <b> --}}\n';
    expect(formatMarkdown(text)).toBe(text);
  });
});

describe('previous: last year\'s figures from outside the report folder', () => {
  it('reads ../<last year>/metrics.yaml through its own host and recomputes 同比', async () => {
    const dir = await copyExample();
    const last = path.join(path.dirname(dir), 'report-2023');
    await mkdir(last);
    await writeFile(path.join(last, 'metrics.yaml'), 'hotline:\n  received: 1224\npufa:\n  materials: 120\n');
    const config = path.join(dir, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')) + 'previous: ../report-2023\n');
    await writeFile(path.join(dir, 'chapters', '05-other.md'), '---\nid: other\n---\n\n受理工单{{fig hotline.received}}，同比上升84.15%。\n');
    const run = await runCli(['check', '--format', 'json'], dir);
    const found = JSON.parse(run.stdout) as { ruleId: string; file: string; related?: { file: string }[] }[];
    const jump = found.find((d) => d.ruleId === 'figure-yoy-jump');
    expect(jump?.related?.[0]?.file).toBe('../report-2023/metrics.yaml');
    // 38 this year against 1224: the stated +84.15% is wrong.
    expect(found.find((d) => d.ruleId === 'figure-yoy-change')?.file).toBe('chapters/05-other.md');
  });

  it('does not widen what chapters may read: an image in last year\'s folder is still refused', async () => {
    const dir = await copyExample();
    const last = path.join(path.dirname(dir), 'report-2023');
    await mkdir(last);
    await writeFile(path.join(last, 'metrics.yaml'), 'hotline:\n  received: 30\n');
    await writeFile(path.join(last, 'seal.png'), 'not really a png');
    const config = path.join(dir, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')) + 'previous: ../report-2023\n');
    await writeFile(path.join(dir, 'chapters', '05-other.md'), '---\nid: other\n---\n\n![](../report-2023/seal.png)\n');
    const found = JSON.parse((await runCli(['check', '--format', 'json'], dir)).stdout) as { ruleId: string }[];
    expect(found.map((d) => d.ruleId)).toContain('image-outside');
  });

  it('a missing previous folder is a warning, not a failure', async () => {
    const dir = await copyExample();
    const config = path.join(dir, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')) + 'previous: ../nowhere\n');
    const run = await runCli(['check'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('读不到上一年度的数据“../nowhere/metrics.yaml”');
  });
});

describe('previous: in preview and in a batch, as in a single check', () => {
  async function reportWithLastYear() {
    const dir = await copyExample();
    const last = path.join(path.dirname(dir), 'report-2023');
    await mkdir(last);
    await writeFile(path.join(last, 'metrics.yaml'), 'hotline:\n  received: 1224\n');
    const config = path.join(dir, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')) + 'previous: ../report-2023\n');
    await writeFile(path.join(dir, 'chapters', '05-other.md'), '---\nid: other\n---\n\n受理工单{{fig hotline.received}}，同比上升84.15%。\n');
    return dir;
  }

  it('the preview session recomputes 同比 against last year', async () => {
    const dir = await reportWithLastYear();
    const { openReport } = await import('../src/cli/report-dir.js');
    const { PreviewSession } = await import('../src/preview/session.js');
    const report = await openReport(dir, '.');
    const rebuild = await new PreviewSession(report.host, report.session, 'zh', report.load).rebuild();
    expect(rebuild.diagnostics.map((d) => d.ruleId)).toContain('figure-yoy-change');
  });

  it('a batch check finds the same 同比 error as a single one', async () => {
    const dir = await reportWithLastYear();
    const parent = path.dirname(dir);
    const single = JSON.parse((await runCli(['check', '--format', 'json'], dir)).stdout) as { ruleId: string }[];
    const batch = await runCli(['check', 'report', 'report-2023', '--format', 'json'], parent);
    expect(single.map((d) => d.ruleId)).toContain('figure-yoy-change');
    expect(batch.stdout).toContain('figure-yoy-change');
  });
});
