import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/source/yaml.js';
import { builtinProfileNames } from '../src/profile/load.js';
import { builtinCatalog, builtinProfile } from '../src/init/builtins.js';
import { yamlScalar } from '../src/init/report-files.js';
import { defaultDate, scaffoldReport } from '../src/init/scaffold.js';
import type { Profile } from '../src/model.js';
import { builtins, repoRoot, runCli } from './helpers.js';

/** The built-in profiles present in this checkout (each must scaffold a folder that checks clean). */
const profileFiles = await readdir(path.join(repoRoot, 'schemas', 'profiles'));
const profiles = (await builtinProfileNames(builtins)).filter((p) => profileFiles.includes(`${p}.yaml`));

async function init(args: string[]) {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'lawreport-init-'));
  const run = await runCli(['init', 'report', ...args], cwd);
  return { cwd, run, dir: path.join(cwd, 'report') };
}

const read = (dir: string, rel: string) => readFile(path.join(dir, rel), 'utf8');

/**
 * Errors a fresh folder is expected to have: chapters still to be written, and the figures the
 * outline requires (gangyao-2021's 执法 and 矛盾纠纷 sections) still to be filled in, never invented.
 */
const PLACEHOLDER_RULE = /^(?:chapter-placeholder|chapter-empty|metric-required)$/;

describe('lawreport init', () => {
  it('fills lawreport.yaml, writes .gitignore, .gitattributes, package.json and the CI workflow lawreport ships', async () => {
    const { run, dir } = await init(['--org', '示例镇人民政府', '--year', '2025', '--date', '2026-02-10']);
    expect(run.code, run.stderr).toBe(0);
    const config = parseYaml(await read(dir, 'lawreport.yaml'), 'lawreport.yaml').doc!.value;
    expect(config).toMatchObject({ profile: 'national', org: '示例镇人民政府', year: 2025, date: '2026-02-10' });
    expect(await read(dir, '.gitignore')).toBe('dist/\nnode_modules/\n');
    // One source: the workflow and .gitattributes are lawreport's templates/ci/ files, byte for byte.
    expect(await read(dir, '.github/workflows/lawreport.yml')).toBe(await readFile(path.join(repoRoot, 'templates/ci/lawreport.yml'), 'utf8'));
    expect(await read(dir, '.gitattributes')).toBe(await readFile(path.join(repoRoot, 'templates/ci/gitattributes'), 'utf8'));
    const manifest = JSON.parse(await read(dir, 'package.json'));
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ private: true, devDependencies: { lawreport: `^${version}` } });
    // The one git config line, as .gitattributes names the driver.
    expect(run.stdout).toContain('git config diff.lawreport.textconv "npx --no-install lawreport textconv"');
    expect(await read(dir, '.gitattributes')).toContain('git config diff.lawreport.textconv "npx --no-install lawreport textconv"');
  });

  it('a fresh init, no --year or --date, checks clean but for the placeholders it says to fill: no warning, no date-deadline', async () => {
    const { run, dir, cwd } = await init(['--org', '示例镇人民政府']);
    expect(run.code, run.stderr).toBe(0);
    const year = new Date().getFullYear() - 1;
    const config = await read(dir, 'lawreport.yaml');
    expect(config).toContain(`year: ${year} `);
    // A stand-in in the first quarter after the report year, before the 1 March report upward, and said to be one.
    expect(config).toMatch(new RegExp(`date: ${year + 1}-02-28 +# 成文日期：先填了 ${year + 1} 年 2 月 28 日.*签发时改为实际日期；须在 ${year + 1} 年 4 月 1 日公开之前\n`));
    expect(run.stdout).toContain(`成文日期先填了 ${year + 1}-02-28，签发时在 lawreport.yaml 里改为实际日期。`);
    expect(run.stdout).toContain('1. 在 chapters/ 里把“待补充”换成正文');
    expect(run.stdout).toContain('可选的章节（chapters/00-preface.md、chapters/05-other.md）不需要时直接删除文件。');
    const check = await runCli(['check', 'report', '--format', 'json'], cwd);
    const found = JSON.parse(check.stdout) as { ruleId: string; file: string; message: string; hint: string }[];
    expect(found.map((d) => d.ruleId)).toEqual(Array(6).fill('chapter-placeholder'));
    // The optional chapters say so, in the file and in the diagnostic, and that the file may go.
    expect(await read(dir, 'chapters/05-other.md')).toContain('<!-- 其他需要报告的情况（可选，不需要时删除本文件）：');
    for (const file of ['chapters/00-preface.md', 'chapters/05-other.md']) {
      const d = found.find((x) => x.file === `report/${file}`)!;
      expect(d.message).toBe('占位文字“待补充”还没有替换；这一章是可选的。');
      expect(d.hint).toContain('没有要写的，删除这个文件即可');
    }
    expect(found.find((x) => x.file === 'report/chapters/01-measures.md')!.message).toBe('占位文字“待补充”还没有替换。');
    // Deleting them leaves only the required chapters to write.
    await rm(path.join(dir, 'chapters', '05-other.md'));
    await rm(path.join(dir, 'chapters', '00-preface.md'));
    const after = JSON.parse((await runCli(['check', 'report', '--format', 'json'], cwd)).stdout) as { ruleId: string }[];
    expect(after.map((d) => d.ruleId)).toEqual(Array(4).fill('chapter-placeholder'));
  });

  it('the default date passes date-deadline for any report year', () => {
    for (const year of [2000, 2023, 2024, 2027, 2099]) {
      const date = defaultDate(year);
      expect(date.startsWith(`${year + 1}-0`)).toBe(true);
      expect(Number(date.slice(5, 7))).toBeLessThan(4);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
    }
  });

  it('lists every catalog metric in metrics.yaml with its Chinese name and unit', async () => {
    const { dir } = await init(['--org', '示例镇人民政府']);
    const metrics = await read(dir, 'metrics.yaml');
    const catalog = await readFile(path.join(repoRoot, 'schemas', 'metrics.catalog.yaml'), 'utf8');
    const keys = [...catalog.matchAll(/\{ key: (\w+), label: ([^,]+), unit: "?([^",]+)"?/g)];
    expect(keys.length).toBeGreaterThan(40);
    for (const [, key, label, unit] of keys) expect(metrics).toMatch(new RegExp(`#   ${key}: +# ${label!.replace(/[()（）]/g, '.')}（${unit}）`));
    expect(metrics).toContain('# disputes:');
  });

  it.each(profiles.map((p) => [p]))('profile %s: one chapter per outline chapter, with guidance, checks clean but for placeholders', async (profile) => {
    const { run, dir, cwd } = await init(['--profile', profile, '--org', '示例镇人民政府', '--year', '2025', '--date', '2026-02-10']);
    expect(run.code, run.stderr).toBe(0);
    const outline = await builtinProfile(builtins, profile);
    const chapters = (await readdir(path.join(dir, 'chapters'))).sort();
    expect(chapters).toEqual(['00-preface.md', ...outline.chapters.map((c, i) => `${String(i + 1).padStart(2, '0')}-${c.id}.md`)]);
    for (const file of chapters) {
      const text = await read(dir, `chapters/${file}`);
      expect(text).toMatch(/<!-- .{10,} -->/);
      expect(text).toContain('待补充');
    }
    const check = await runCli(['check', 'report', '--format', 'json'], cwd);
    const errors = (JSON.parse(check.stdout) as { ruleId: string; severity: string }[]).filter((d) => d.severity === 'error');
    expect(errors.filter((d) => !PLACEHOLDER_RULE.test(d.ruleId))).toEqual([]);
  });

  it('the guidance comment never reaches the built report', async () => {
    const { dir, cwd } = await init(['--org', '示例镇人民政府', '--year', '2025', '--date', '2026-02-10']);
    for (const file of await readdir(path.join(dir, 'chapters'))) {
      const p = path.join(dir, 'chapters', file);
      await writeFile(p, (await readFile(p, 'utf8')).replace('待补充。', '本章正文。'));
    }
    const build = await runCli(['build', 'report'], cwd);
    expect(build.code, build.stderr).toBe(0);
    const dist = path.join(dir, 'dist');
    const files = await readdir(dist);
    expect(files.map((f) => path.extname(f)).sort()).toEqual(['.docx', '.html', '.txt']);
    for (const file of files) {
      const bytes = await readFile(path.join(dist, file));
      const text = file.endsWith('.docx') ? new TextDecoder().decode(unzipSync(bytes)['word/document.xml']!) : bytes.toString('utf8');
      expect(text).toContain('本章正文');
      expect(text).not.toContain('写本年度做了什么');
      expect(text).not.toMatch(/<!--|&lt;!--/);
    }
    const txt = (await readdir(dist)).find((f) => f.endsWith('.txt'))!;
    expect(await readFile(path.join(dist, txt), 'utf8')).toContain('一、2025年度推进法治政府建设的主要举措和成效\n\n本章正文。');
  });

  it('refuses to overwrite, naming each existing file, and changes nothing; --force overwrites', async () => {
    const { dir, cwd } = await init(['--org', '示例镇人民政府']);
    await writeFile(path.join(dir, 'chapters', '01-measures.md'), '已经写好的正文。\n');
    const again = await runCli(['init', 'report', '--org', '另一个镇人民政府'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('chapters/01-measures.md');
    expect(again.stderr).toContain('lawreport.yaml');
    expect(again.stderr).toContain('--force');
    expect(await read(dir, 'chapters/01-measures.md')).toBe('已经写好的正文。\n');
    expect(await read(dir, 'lawreport.yaml')).toContain('示例镇人民政府');
    const forced = await runCli(['init', 'report', '--org', '另一个镇人民政府', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(await read(dir, 'lawreport.yaml')).toContain('另一个镇人民政府');
  });

  it('a profile with sections: one ## heading each, and the figures the outline requires named in a comment', async () => {
    const profile: Profile = {
      overview: [],
      id: 'sectioned',
      name: 'sectioned',
      source: 'sectioned.yaml',
      chapters: [
        {
          id: 'measures',
          title: '{{report.year}}年度主要举措和成效',
          required: true,
          variants: [],
          sections: [
            { id: 'study', title: '学法用法', required: false, variants: [] },
            { id: 'enforcement', title: '严格规范公正文明执法', required: true, variants: [], metrics: ['enforcement.cases_filed', 'enforcement.cases_closed'] },
          ],
        },
      ],
    };
    const files = scaffoldReport(profile, await builtinCatalog(builtins), { profileName: 'sectioned.yaml', org: '示例镇人民政府', year: 2025, date: '2026-02-10', repository: {}, version: '0.1.0' });
    expect(files['chapters/01-measures.md']).toContain(
      '## 学法用法\n\n待补充。\n\n## 严格规范公正文明执法\n\n<!-- 须引用的数据：行政执法立案（enforcement.cases_filed）、行政执法结案（enforcement.cases_closed）。 -->\n\n待补充。',
    );
  });

  it('usage errors: no --org, a bad year, an unknown profile', async () => {
    for (const args of [[], ['--org', '示例镇人民政府', '--year', '25'], ['--org', '示例镇人民政府', '--profile', 'nowhere']]) {
      const { run, dir } = await init(args);
      expect(run.code).toBe(2);
      await expect(readdir(dir)).rejects.toThrow();
    }
  });
});

describe('yamlScalar: what init and import write reads back as written', () => {
  it.each(['示例镇人民政府', '2024', 'true', 'a #b', 'x: y', '结尾冒号:', '- 列表', '"引号"', '{{report.year}}', "it's", ' 前空格', '反斜杠\\n'])('%s', (value) => {
    expect(parseYaml(`k: ${yamlScalar(value)}\n`, 'x.yaml').doc!.value).toEqual({ k: value });
  });
});
