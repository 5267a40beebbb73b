import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from './helpers.js';

describe('lawreport check as a CI gate', () => {
  it('passes the example report', async () => {
    const r = await runCli(['check', '--strict'], await copyExample());
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('✔ 没有发现问题\n');
  });

  it('fails a copy of the example without its 第一责任人 chapter: exit 1, chapter-missing, file:line:col', async () => {
    const dir = await copyExample();
    await rm(path.join(dir, 'chapters', '03-first-responsible.md'));
    const r = await runCli(['check', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout) as { ruleId: string; file: string; line: number; column: number; message: string }[];
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'chapter-missing', file: 'lawreport.yaml', line: 2, column: 1 });
    expect(diagnostics[0]!.message).toContain('第一责任人');
    const en = await runCli(['check', '--lang', 'en'], dir);
    expect(en.stdout).toMatch(/^lawreport\.yaml:2:1 {2}error {2}Missing required chapter ".*first-responsible.*\[chapter-missing\]$/m);
  });

  it('reports every schema violation of metrics.yaml and lawreport.yaml at its line and column', async () => {
    const dir = await copyExample();
    const metrics = path.join(dir, 'metrics.yaml');
    await writeFile(metrics, (await readFile(metrics, 'utf8')).replace('  mediated: 66 ', '  rate: 197.06\n  mediated: -66'));
    const r = await runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^metrics\.yaml:35:13 {2}错误 {2}disputes\.mediated 应当为 >= 0 {2}\[metrics-schema\]$/m);
    expect(r.stdout).toMatch(/^metrics\.yaml:34:9 {2}错误 {2}disputes\.rate 应当为 <= 100 {2}\[metrics-schema\]$/m);
  });
});

describe('severities from lawreport.yaml rules:', () => {
  const withRules = async (rules: string) => {
    const dir = await copyExample();
    await writeFile(path.join(dir, 'chapters', '05-杂项.md'), '一些零散的情况。\n');
    const config = path.join(dir, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')) + rules);
    return dir;
  };

  it('turns a warning into an error that fails check and stops build', async () => {
    const dir = await withRules('rules:\n  chapter-unknown: error\n');
    const check = await runCli(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/05-杂项\.md:1:1 {2}错误 .*\[chapter-unknown\]/);
    const build = await runCli(['build'], dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('有 1 个错误，未生成输出文件');
    expect(await readdir(dir)).not.toContain('dist');
  });

  it('turns a rule off, and accepts the [level] form', async () => {
    for (const rules of ['rules:\n  chapter-unknown: off\n', 'rules:\n  chapter-unknown: [off]\n']) {
      const r = await runCli(['check', '--strict'], await withRules(rules));
      expect(r.stdout, rules).toBe('✔ 没有发现问题\n');
    }
  });

  it('lowers an error from another stage, but never one the build stops on', async () => {
    const dir = await withRules('rules:\n  chapter-unknown: off\n  heading-typed-number: warning\n  template-unknown-path: off\n');
    const append = async (file: string, text: string) => writeFile(path.join(dir, file), (await readFile(path.join(dir, file), 'utf8')) + text);
    await append('chapters/02-shortcomings.md', '\n## （三）其他\n\n其他不足。\n');
    await append('chapters/04-next-year.md', '\n调成{{disputes.mediatd}}件。\n');
    const r = await runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/02-shortcomings\.md:\d+:1 {2}警告 .*\[heading-typed-number\]/);
    expect(r.stdout).toMatch(/04-next-year\.md:\d+:\d+ {2}错误 {2}数据中没有“disputes\.mediatd”/);
    expect(r.stdout).toMatch(/lawreport\.yaml:15:3 {2}警告 {2}规则“template-unknown-path”的严重程度不能改变/);
  });
});
