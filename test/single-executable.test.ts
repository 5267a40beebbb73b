import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserCandidates, findChromium } from '../src/render/browser.js';
import { describeInBrowser } from './browser.js';
import { exampleDir, repoRoot } from './helpers.js';

const exec = promisify(execFile);
const TITLE = '示例镇人民政府2024年法治政府建设年度报告';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run dist`'s linux-x64 executable (made from this machine's node, offline, so it starts from
 * the startup snapshot of src/cli/snapshot-main.sea.ts), copied into a
 * folder outside the repository — a path with Chinese characters and a space, no node_modules
 * anywhere above it — and run with a PATH that holds no node.
 */
describe.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('the linux-x64 single executable', () => {
  let tmp: string;
  let folder: string;
  let exe: string;
  let noNode: string;
  let reference: string;

  const run = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => {
    try {
      const { stdout, stderr } = await exec(exe, args, { cwd: folder, env: { PATH: noNode, HOME: folder, ...env }, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      if (typeof e.code !== 'number') throw error;
      return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };

  const copyReport = (to: string) => cp(exampleDir, path.join(folder, to), { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lawreport-sea-'));
    await exec(process.execPath, ['scripts/dist.mjs', 'linux-x64', '--out', path.join(tmp, 'build')], { cwd: repoRoot, timeout: 170_000 });
    folder = path.join(tmp, '某地 报告');
    noNode = path.join(tmp, 'empty-bin');
    await mkdir(folder);
    await mkdir(noNode);
    exe = path.join(folder, 'lawreport');
    await copyFile(path.join(tmp, 'build', 'lawreport-linux-x64'), exe);
    await copyReport('某镇-2024');
    // The npm build of the same sources, to compare bytes with.
    reference = path.join(tmp, 'npm-build');
    await exec(process.execPath, [path.join(repoRoot, 'bin', 'lawreport.js'), 'build', exampleDir, '-o', reference]);
  }, 180_000);

  // The executables are 100 MB each: gone with the test.
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('runs with no Node and no node_modules: builds the example to the same DOCX, HTML and TXT bytes as the npm build', async () => {
    for (let dir = folder; dir !== path.dirname(dir); dir = path.dirname(dir)) expect(existsSync(path.join(dir, 'node_modules')), dir).toBe(false);
    const built = await run(['build', '某镇-2024']);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`已生成 某镇-2024/dist/${TITLE}.docx`);
    const outputs = (await readdir(path.join(folder, '某镇-2024', 'dist'))).sort();
    expect(outputs).toEqual([`${TITLE}.docx`, `${TITLE}.html`, `${TITLE}.txt`]);
    for (const name of outputs) {
      expect((await readFile(path.join(folder, '某镇-2024', 'dist', name))).equals(await readFile(path.join(reference, name))), name).toBe(true);
    }
  });

  it('says its version, the one in package.json', async () => {
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect((await run(['--version'])).stdout.trim()).toBe(version);
  });

  it('checks a report: clean exits 0; a wrong figure gets file, line, column and a Chinese message (English with --lang en), exit 1', async () => {
    expect(await run(['check', '某镇-2024'])).toMatchObject({ code: 0, stdout: expect.stringContaining('没有发现问题') });
    await copyReport('错误-2024');
    await writeFile(path.join(folder, '错误-2024', 'metrics.yaml'), 'disputes:\n  received: 六十八\n  recieved: 3\n');
    const zh = await run(['check', '错误-2024']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('错误-2024/metrics.yaml:2:13  错误  disputes.received 应当是整数');
    expect(zh.stdout).toContain('未知的键“recieved”（位于 disputes）');
    expect(zh.stdout).toContain('是不是“received”？');
    const en = await run(['check', '错误-2024', '--lang', 'en']);
    expect(en.stdout).toContain('Unknown key "recieved" (in disputes)');
  });

  // The executable for this machine starts from a heap warmed by a quiet, colourless, Chinese
  // check and build (scripts/dist.mjs): each run's own environment and arguments must still decide.
  it("takes each run's language, colour and help from that run, to the npm bin's bytes, not from the build that made it", async () => {
    await copyReport('环境-2024');
    await writeFile(path.join(folder, '环境-2024', 'metrics.yaml'), 'disputes:\n  received: 六十八\n');
    const npm = async (args: string[], env: NodeJS.ProcessEnv) => {
      try {
        return (await exec(process.execPath, [path.join(repoRoot, 'bin', 'lawreport.js'), ...args], { cwd: folder, env: { PATH: process.env.PATH, HOME: folder, ...env } })).stdout;
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    };
    for (const env of [{ LAWREPORT_LANG: 'en', FORCE_COLOR: '1' }, { NO_COLOR: '1' }]) {
      const checked = await run(['check', '环境-2024'], env);
      expect(checked.code).toBe(1);
      expect(checked.stdout).toBe(await npm(['check', '环境-2024'], env));
    }
    expect((await run(['check', '环境-2024'], { LAWREPORT_LANG: 'en', FORCE_COLOR: '1' })).stdout).toContain('\u001b[31merror\u001b[39m');
    expect((await run(['build', '--help'], { LAWREPORT_LANG: 'en' })).stdout).toBe(await npm(['build', '--help'], { LAWREPORT_LANG: 'en' }));
  });

  it("validates figures against a report's own catalog (the schema compiled inside the executable)", async () => {
    await copyReport('自定目录-2024');
    const dir = path.join(folder, '自定目录-2024');
    await writeFile(path.join(dir, 'lawreport.yaml'), `${await readFile(path.join(dir, 'lawreport.yaml'), 'utf8')}catalog: catalog.yaml\n`);
    await writeFile(path.join(dir, 'catalog.yaml'), 'groups:\n  - key: disputes\n    label: 矛盾纠纷\n    metrics:\n      - { key: hotline, label: 热线来电, unit: 件 }\n');
    await writeFile(path.join(dir, 'metrics.yaml'), (await readFile(path.join(dir, 'metrics.yaml'), 'utf8')).replace(/^disputes:.*\n/m, '$&  hotline: 3.5\n'));
    const checked = await run(['check', '自定目录-2024']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/metrics\.yaml:\d+:\d+  错误  disputes\.hotline 应当是整数/);
  });

  it('makes a report folder from the built-in outline and templates (init), which check then holds to its placeholders', async () => {
    const made = await run(['init', '新报告', '--org', '某某镇人民政府', '--year', '2025', '--date', '2026-02-10']);
    expect(made.code).toBe(0);
    expect(await readdir(path.join(folder, '新报告', 'chapters'))).toContain('01-measures.md');
    const checked = await run(['check', '新报告']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('新报告/chapters/01-measures.md:7:1  错误  占位文字“待补充”还没有替换。');
  });

  it('builds several reports on worker threads (-j 2) inside the executable, each to the npm build’s bytes', async () => {
    await copyReport('各镇/甲镇');
    await copyReport('各镇/乙镇');
    const built = await run(['build', '各镇/*', '-o', '汇总', '-j', '2']);
    expect(built.code).toBe(0);
    for (const town of ['甲镇', '乙镇']) {
      for (const ext of ['docx', 'html', 'txt']) {
        const name = `${TITLE}.${ext}`;
        expect((await readFile(path.join(folder, '汇总', town, name))).equals(await readFile(path.join(reference, name))), `${town} ${name}`).toBe(true);
      }
    }
  });

  it('writes the district summary inside the executable (exceljs and ECharts run from their asset), to the npm build\'s bytes', async () => {
    await copyReport('区县/甲镇');
    await copyReport('区县/乙镇');
    const made = await run(['summary', '区县/*', '-o', '区汇总', '-f', 'xlsx,html,json']);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('已生成 区汇总/汇总.xlsx');
    await exec(process.execPath, [path.join(repoRoot, 'bin', 'lawreport.js'), 'summary', '区县/*', '-o', 'npm区汇总', '-f', 'xlsx,html,json'], { cwd: folder });
    for (const name of ['汇总.xlsx', '汇总.html', '汇总.json']) {
      expect((await readFile(path.join(folder, '区汇总', name))).equals(await readFile(path.join(folder, 'npm区汇总', name))), name).toBe(true);
    }
  });

  it.skipIf(browserCandidates({ PATH: '' }).some((file) => existsSync(file)))('says in Chinese that PDF needs a browser when there is none, exits 2 and writes nothing', async () => {
    await copyReport('无浏览器-2024');
    const result = await run(['build', '无浏览器-2024', '-f', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('找不到浏览器：生成 PDF 要用本机的 Chromium、Google Chrome 或 Microsoft Edge 排版打印');
    expect(await readdir(path.join(folder, '无浏览器-2024'))).not.toContain('dist');
  });

  describeInBrowser('with a browser', () => {
    it('prints the same PDF as the npm build', async () => {
      const browser = findChromium(process.env);
      await copyReport('打印-2024');
      expect((await run(['build', '打印-2024', '-f', 'pdf'], { LAWREPORT_CHROMIUM: browser })).code).toBe(0);
      const npm = path.join(path.dirname(reference), 'npm-pdf');
      await exec(process.execPath, [path.join(repoRoot, 'bin', 'lawreport.js'), 'build', exampleDir, '-f', 'pdf', '-o', npm], { env: { ...process.env, LAWREPORT_CHROMIUM: browser } });
      const pdf = `${TITLE}.pdf`;
      expect((await readFile(path.join(folder, '打印-2024', 'dist', pdf))).equals(await readFile(path.join(npm, pdf)))).toBe(true);
    });
  });
});
