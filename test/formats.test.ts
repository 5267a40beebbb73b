import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticId } from '../src/diagnostics/diagnostic.js';
import { main } from '../src/cli/main.js';
import { copyExample, repoRoot, runCli, type CliRun } from './helpers.js';

// Both are CommonJS whose typings declare an ES default: normalise both shapes.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: object) => void;
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as typeof Ajv;

const readJson = async (file: string) => JSON.parse(await readFile(path.join(repoRoot, file), 'utf8')) as object;

/**
 * One broken report for every format: a missing chapter (error, with a related location), a
 * placeholder in a file with a Chinese name (error, with a range), an unknown chapter file
 * (warning) and a typed heading number (info).
 */
async function brokenReport(): Promise<string> {
  const dir = await copyExample();
  await rm(path.join(dir, 'chapters', '03-first-responsible.md'));
  await writeFile(path.join(dir, 'chapters', '02-shortcomings.md'), '---\nid: shortcomings\n---\n\n## （一）不足\n\n普法宣传覆盖面【待补充】。\n');
  await writeFile(path.join(dir, 'chapters', '05-杂项.md'), '一些零散的情况。\n');
  return dir;
}

describe('check output formats', () => {
  let dir: string;
  const runs: Record<string, CliRun> = {};

  beforeAll(async () => {
    dir = await brokenReport();
    for (const format of ['human', 'json', 'github', 'sarif']) runs[format] = await runCli(['check', 'report', '--format', format], path.dirname(dir));
  });

  it('exits 1 in every format, printing to stdout only', () => {
    for (const [format, run] of Object.entries(runs)) {
      expect(run.code, format).toBe(1);
      expect(run.stderr, format).toBe('');
    }
  });

  it('human: file:line:col, severity, message, rule id and hint, then a summary', () => {
    const out = runs.human!.stdout;
    expect(out).toContain('report/lawreport.yaml:2:1  错误  缺少必备章节“2024年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况”（id: first-responsible）。  [chapter-missing]');
    expect(out).toContain('    → 新建 chapters/03-first-responsible.md，或在已有文件的前置信息里写 id: first-responsible。');
    expect(out).toContain('report/chapters/02-shortcomings.md:7:8  错误  占位文字“【待补充】”还没有替换。  [chapter-placeholder]');
    expect(out).toContain('report/chapters/05-杂项.md:1:1  警告');
    expect(out).toContain('report/chapters/02-shortcomings.md:5:1  提示');
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 2 个错误，1 个警告，1 个提示');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('json: matches schemas/check-output.schema.json and carries every field', async () => {
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(await readJson('schemas/check-output.schema.json'));
    const out = JSON.parse(runs.json!.stdout) as Record<string, unknown>[];
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.map((d) => d.severity).sort()).toEqual(['error', 'error', 'info', 'warning']);
    expect(out).toContainEqual(
      expect.objectContaining({ ruleId: 'chapter-placeholder', severity: 'error', file: 'report/chapters/02-shortcomings.md', line: 7, column: 8, endLine: 7, endColumn: 13 }),
    );
    const missing = out.find((d) => d.ruleId === 'chapter-missing')!;
    expect(missing.related).toEqual([{ file: '<lawreport>/schemas/profiles/national.yaml', line: expect.any(Number), column: 5, message: expect.stringContaining('全国通用提纲') }]);
  });

  it('json: the schema rejects what it should (it is not a schema that accepts anything)', async () => {
    const validate = new Ajv({ allowUnionTypes: true }).compile(await readJson('schemas/check-output.schema.json'));
    const out = JSON.parse(runs.json!.stdout) as Record<string, unknown>[];
    expect(validate([{ ...out[0], severity: 'fatal' }])).toBe(false);
    expect(validate([{ ...out[0], line: 0 }])).toBe(false);
    expect(validate({ diagnostics: out })).toBe(false);
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, with rules, levels, regions and encoded URIs', async () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(await readJson('test/fixtures/sarif-schema-2.1.0.json'));
    const log = JSON.parse(runs.sarif!.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: object } }[] }[] }[];
    };
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    for (const result of run!.results) expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    const placeholder = run!.results.find((r) => r.ruleId === 'chapter-placeholder')!;
    expect(placeholder.level).toBe('error');
    expect(placeholder.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'report/chapters/02-shortcomings.md' },
      region: { startLine: 7, startColumn: 8, endLine: 7, endColumn: 13 },
    });
    const unknown = run!.results.find((r) => r.ruleId === 'chapter-unknown')!;
    expect(unknown.level).toBe('warning');
    expect(unknown.locations[0]!.physicalLocation.artifactLocation.uri).toBe('report/chapters/05-%E6%9D%82%E9%A1%B9.md');
    expect(run!.results.find((r) => r.ruleId === 'heading-typed-number')!.level).toBe('note');
  });

  it('sarif: the official schema does reject a broken log', async () => {
    const ajv = new AjvDraft04({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(await readJson('test/fixtures/sarif-schema-2.1.0.json'));
    const log = JSON.parse(runs.sarif!.stdout) as { runs: { results: object[] }[] };
    log.runs[0]!.results.push({ ruleId: 'x', level: 'fatal', message: { text: 'x' } });
    expect(validate(log)).toBe(false);
  });

  it('github: one workflow command per diagnostic, escaped as the runner expects', () => {
    const lines = runs.github!.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      '::error file=report/chapters/02-shortcomings.md,line=7,endLine=7,col=8,endColumn=13,title=lawreport chapter-placeholder::占位文字“【待补充】”还没有替换。%0A填上实际内容；写给自己的备注放进 <!-- --> 注释。',
    );
    expect(lines.find((l) => l.includes('chapter-missing'))).toMatch(/^::error file=report\/lawreport\.yaml,line=2,col=1,title=lawreport chapter-missing::缺少必备章节/);
    expect(lines.find((l) => l.includes('chapter-unknown'))).toMatch(/^::warning file=report\/chapters\/05-杂项\.md,line=1,col=1,/);
    expect(lines.find((l) => l.includes('heading-typed-number'))).toMatch(/^::notice /);
  });

  it('github: escapes %, newlines, and commas and colons in properties', async () => {
    const { github } = await import('../src/cli/format/github.js');
    const out = github(
      // A formatter takes any diagnostic; the id is cast, as only a declaration makes a real one.
      [{ ruleId: 'x' as DiagnosticId, severity: 'error', file: 'a,b:c.md', line: 1, column: 2, message: { zh: '100%\n下一行', en: '' } }],
      { lang: 'zh', color: false, base: '' },
    );
    expect(out).toBe('::error file=a%2Cb%3Ac.md,line=1,col=2,title=lawreport x::100%25%0A下一行\n');
  });
});

describe('colour, exit codes and usage', () => {
  const run = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv, isTTY: boolean) => {
    let stdout = '';
    const code = await main({ argv, cwd, env, isTTY, stdout: (s) => void (stdout += s), stderr: () => {} });
    return { code, stdout };
  };

  it('colours human output on a terminal, and not with NO_COLOR, --no-color or a pipe', async () => {
    const dir = await brokenReport();
    expect((await run(['check'], dir, {}, true)).stdout).toMatch(/\u001b\[31m/);
    expect((await run(['check'], dir, { NO_COLOR: '1' }, true)).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['check', '--no-color'], dir, {}, true)).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['check'], dir, {}, false)).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['check', '--format', 'json'], dir, {}, true)).stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 0 with warnings only, and 1 with --strict', async () => {
    const dir = await copyExample();
    await writeFile(path.join(dir, 'chapters', '05-杂项.md'), '一些零散的情况。\n');
    const loose = await runCli(['check'], dir);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain('[chapter-unknown]');
    expect((await runCli(['check', '--strict'], dir)).code).toBe(1);
  });

  it('exits 2 for an unknown format, and answers in JSON even for a folder that is no report', async () => {
    const dir = await copyExample();
    const bad = await runCli(['check', '--format', 'xml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知的输出格式“xml”，可用：human、json、github、sarif');
    const notReport = await runCli(['check', 'chapters', '--format', 'json'], dir);
    expect(notReport.code).toBe(2);
    expect(JSON.parse(notReport.stdout)).toMatchObject([{ ruleId: 'no-config', severity: 'error' }]);
  });
});
