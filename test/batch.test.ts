import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { main } from '../src/cli/main.js';
import { exampleDir, repoRoot, runCli } from './helpers.js';

/**
 * A district office's folder: three towns, one clean, one missing a required chapter, one with a
 * misspelt figure; plus a folder that is not a report (a glob must skip it).
 */
async function district(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-batch-'));
  for (const town of ['town-a', 'town-b', 'town-c']) {
    await cp(exampleDir, path.join(root, 'reports', town), { recursive: true, filter: (src) => !src.includes(`${path.sep}dist`) });
  }
  await rm(path.join(root, 'reports/town-b/chapters/02-shortcomings.md'));
  const measures = path.join(root, 'reports/town-c/chapters/01-measures.md');
  await writeFile(measures, (await readFile(measures, 'utf8')).replace('{{fig disputes.mediated}}', '{{fig disputes.mediatd}}'));
  await mkdir(path.join(root, 'reports/notes'));
  await writeFile(path.join(root, 'reports/notes/readme.txt'), '不是报告');
  return root;
}

type JsonDiagnostic = { ruleId: string; file: string; line: number | null; message: string };
type BatchJson = { reports: { folder: string; passed: boolean; errors: number; failure: string | null; diagnostics: JsonDiagnostic[] }[] };
const parse = (stdout: string) => JSON.parse(stdout) as JsonDiagnostic[];
const key = (d: JsonDiagnostic) => JSON.stringify(d);

describe('lawreport check over several reports', () => {
  let root: string;
  beforeAll(async () => {
    root = await district();
  });

  it('checks every folder named, exits 1, and summarises which reports fail which rules', async () => {
    const run = await runCli(['check', 'reports/town-a', 'reports/town-b', 'reports/town-c'], root);
    expect(run.code).toBe(1);
    const summary = run.stdout.slice(run.stdout.indexOf('汇总'));
    expect(summary).toMatch(/^汇总：3 份报告，1 份通过，2 份未通过/);
    expect(summary).toMatch(/reports\/town-a\s+✔ 通过/);
    expect(summary).toMatch(/reports\/town-b\s+✖ 1 个错误.*chapter-missing/);
    expect(summary).toMatch(/reports\/town-c\s+✖ 1 个错误.*template-unknown-path/);
    expect(summary).toMatch(/chapter-missing\s+1 份：reports\/town-b/);
    expect(summary).toMatch(/template-unknown-path\s+1 份：reports\/town-c/);
    // The diagnostics themselves carry paths the user can open from where they ran the command.
    expect(run.stdout).toContain('reports/town-c/chapters/01-measures.md:');
  });

  it('expands a quoted glob to the report folders only, in name order', async () => {
    const run = await runCli(['check', 'reports/*', '--lang', 'en'], root);
    expect(run.code).toBe(1);
    const rows = run.stdout.split('\n').filter((l) => /^ {2}reports\//.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['reports/town-a', 'reports/town-b', 'reports/town-c']);
    expect(run.stdout).not.toContain('notes');
  });

  it('refuses a glob that matches no report folder (usage error)', async () => {
    const run = await runCli(['check', 'nowhere/*'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有匹配到任何报告文件夹');
  });

  it('exits 0 when every report is clean', async () => {
    const run = await runCli(['check', 'reports/town-a', 'reports/town-a/../town-a'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('汇总：1 份报告，1 份通过，0 份未通过');
  });

  it('lists a folder that does not exist as failed (exit 2, as for one folder), and still checks the others', async () => {
    const run = await runCli(['check', 'reports/town-a', 'reports/town-x'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/reports\/town-x\s+✖ 找不到文件夹/);
    expect(run.stdout).toMatch(/reports\/town-a\s+✔ 通过/);
  });

  it('finds exactly what single-folder runs find, on worker threads and in one thread alike', async () => {
    const single: JsonDiagnostic[] = [];
    for (const town of ['town-a', 'town-b', 'town-c']) single.push(...parse((await runCli(['check', `reports/${town}`, '--format', 'json'], root)).stdout));
    expect(single.length).toBe(2);
    for (const jobs of ['2', '1']) {
      const batch = await runCli(['check', 'reports/*', '--format', 'json', '--jobs', jobs], root);
      // JSON stays parseable on stdout; the summary goes to stderr.
      const { reports } = JSON.parse(batch.stdout) as BatchJson;
      expect(reports.flatMap((r) => r.diagnostics).map(key).sort()).toEqual(single.map(key).sort());
      expect(batch.stderr).toContain('汇总：3 份报告');
    }
  });

  it('--format json: one record per report, the ones that pass included (schemas/check-batch-output.schema.json)', async () => {
    const batch = await runCli(['check', 'reports/*', 'reports/town-x', '--format', 'json', '-j', '1'], root);
    const json = JSON.parse(batch.stdout) as BatchJson;
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    ajv.addSchema(JSON.parse(await readFile(path.join(repoRoot, 'schemas/check-output.schema.json'), 'utf8')));
    const validate = ajv.compile(JSON.parse(await readFile(path.join(repoRoot, 'schemas/check-batch-output.schema.json'), 'utf8')));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.reports.map((r) => [r.folder, r.passed, r.errors])).toEqual([
      ['reports/town-a', true, 0],
      ['reports/town-b', false, 1],
      ['reports/town-c', false, 1],
      ['reports/town-x', false, 0],
    ]);
    expect(json.reports[3]!.failure).toContain('找不到文件夹');
    expect(json.reports[1]!.diagnostics.map((d) => d.file)).toEqual(['reports/town-b/lawreport.yaml']);
  });

  it('draws a progress bar on a terminal only', async () => {
    let stderr = '';
    const code = await main({ argv: ['check', 'reports/*'], cwd: root, env: { NO_COLOR: '1' }, isTTY: true, stdout: () => {}, stderr: (s) => void (stderr += s) });
    expect(code).toBe(1);
    expect(stderr).toContain('3/3');
    expect(stderr).toContain('\r');
    const piped = await runCli(['check', 'reports/*'], root);
    expect(piped.stderr).not.toContain('\r');
  });
});

describe('lawreport build over several reports', () => {
  it('writes each clean report into its own folder under --out, byte for byte as a single build does, and nothing for the broken ones', async () => {
    const root = await district();
    const run = await runCli(['build', 'reports/*', '-o', 'out'], root);
    expect(run.code).toBe(1);
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual(['index.html', 'town-a', '汇总.html', '汇总.xlsx']);
    expect(run.stdout).toMatch(/reports\/town-b\s+✖ 1 个错误.*chapter-missing/);

    const single = await runCli(['build', 'reports/town-a', '-o', 'single'], root);
    expect(single.code).toBe(0);
    const names = (await readdir(path.join(root, 'single'))).sort();
    expect(names.map((n) => path.extname(n))).toEqual(['.docx', '.html', '.txt']);
    expect((await readdir(path.join(root, 'out/town-a'))).sort()).toEqual(names);
    for (const name of names) {
      expect(Buffer.compare(await readFile(path.join(root, 'out/town-a', name)), await readFile(path.join(root, 'single', name)))).toBe(0);
    }
  });

  it('writes out/index.html linking every report\'s outputs as the build wrote them, the failures, and the summary', async () => {
    const root = await district();
    const run = await runCli(['build', 'reports/*', '-o', 'out', '-f', 'html,txt'], root);
    expect(run.stdout).toContain(`已生成 ${path.join('out', 'index.html')}`);
    const index = await readFile(path.join(root, 'out', 'index.html'), 'utf8');
    expect(index).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">');
    const hrefs = [...index.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    const built = (await readdir(path.join(root, 'out', 'town-a'))).sort().map((f) => `town-a/${f}`);
    expect(hrefs.sort()).toEqual([...built, '汇总.html', '汇总.xlsx'].sort());
    // Every link leads to a file that is there.
    for (const href of hrefs) await expect(readFile(path.join(root, 'out', href))).resolves.toBeDefined();
    expect(index).toMatch(/reports\/town-b<\/td><td>未生成：1 个错误/);
  });
});
