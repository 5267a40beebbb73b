import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/pipeline/build.js';
import { copyExample, exampleFiles, hostOf, runCli, session } from './helpers.js';

const at = (d: { ruleId: string; file: string; line?: number; column?: number }) => `${d.ruleId} ${d.file}:${d.line}:${d.column}`;

describe('diagnostics about the filled text point at the chapter source', () => {
  // Line 9 of the chapter holds the image; the blocks above it fill to fewer or more lines.
  const chapter = (above: string) => `---\nid: other\n---\n\n${above}\n\n正文。\n\n![照片](images/不存在.png)\n`;
  const imageLine = (text: string) => text.split('\n').indexOf('![照片](images/不存在.png)') + 1;

  for (const [name, above] of [
    ['a block that fills to nothing (seven lines of {{#unless}})', '{{#unless report.year}}\n一\n二\n三\n四\n五\n{{/unless}}'],
    ['a block that fills to more lines ({{#each}} over the signature)', '{{#each report.signature}}\n{{this}}\n\n{{/each}}'],
  ] as const) {
    it(`image-missing stays at its line after ${name}`, async () => {
      const text = chapter(above);
      const { diagnostics } = await checkReport(hostOf({ ...(await exampleFiles()), 'chapters/05-other.md': text }), session);
      expect(diagnostics.filter((d) => d.ruleId === 'image-missing').map(at)).toEqual([`image-missing chapters/05-other.md:${imageLine(text)}:1`]);
    });
  }

  it('a typed heading number and a stray # are reported at their source lines, whatever a template above does', async () => {
    const text = '---\nid: other\n---\n\n{{#unless report.year}}\n一\n二\n{{/unless}}\n\n正文。\n\n## （一）手写编号\n\n# 一级标题\n';
    const { diagnostics } = await checkReport(hostOf({ ...(await exampleFiles()), 'chapters/05-other.md': text }), session);
    expect(diagnostics.filter((d) => d.ruleId.startsWith('heading-')).map(at).sort()).toEqual([
      'heading-level chapters/05-other.md:14:1',
      'heading-typed-number chapters/05-other.md:12:1',
    ]);
  });

  it('a delimiter flood is reported at its paragraph, columns included, after a template that removes lines', async () => {
    const text = `---\nid: other\n---\n\n{{#if false}}\n甲\n乙\n{{/if}}\n\n正文。\n\n${'*'.repeat(2500)}\n`;
    const { diagnostics } = await checkReport(hostOf({ ...(await exampleFiles()), 'chapters/05-other.md': text }), session);
    expect(diagnostics.filter((d) => d.ruleId === 'markdown-delimiters').map(at)).toEqual(['markdown-delimiters chapters/05-other.md:12:1']);
  });
});

describe('rule options are checked against the rule\'s schema', () => {
  const withRules = async (rules: string) => {
    const files = await exampleFiles();
    files['lawreport.yaml'] += `rules:\n${rules}`;
    return (await checkReport(hostOf(files), session)).diagnostics.filter((d) => d.ruleId === 'config-rule-options');
  };

  it('a misspelt option is an error at its line, with a did-you-mean', async () => {
    const found = await withRules('  figure-yoy-jump: [warning, {factr: 10}]\n');
    expect(found.map((d) => [d.severity, d.line, d.message.zh, d.hint?.zh])).toEqual([['error', 13, '未知的键“factr”（位于 rules.figure-yoy-jump[1]）。', '是不是“factor”？']]);
  });

  it('a wrong value is an error too', async () => {
    const found = await withRules('  figure-yoy-jump: [warning, {factor: 1}]\n');
    expect(found.map((d) => [d.line, d.message.zh])).toEqual([[13, 'rules.figure-yoy-jump[1].factor 应当为 > 1']]);
  });

  it('options for a rule that takes none are an error', async () => {
    const found = await withRules('  chapter-order: [warning, "oops"]\n');
    expect(found.map((d) => [d.line, d.column, d.message.en])).toEqual([[13, 28, 'Rule "chapter-order" takes no options.']]);
  });

  it('good options pass, and check fails on bad ones', async () => {
    expect(await withRules('  figure-yoy-jump: [warning, {factor: 10, minimum: 20}]\n')).toEqual([]);
    const dir = await copyExample();
    await writeFile(path.join(dir, 'lawreport.yaml'), (await exampleFiles())['lawreport.yaml'] + 'rules:\n  chapter-order: [warning, "oops"]\n');
    const run = await runCli(['check'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('lawreport.yaml:13:28');
  });
});

describe('a file that cannot be read is a diagnostic, never a crash or a silence', () => {
  it('check --format json prints valid JSON naming a chapter symlinked out of the folder', async () => {
    const dir = await copyExample();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'lawreport-outside-'));
    await writeFile(path.join(outside, 'secret.md'), '---\nid: other\n---\n\n外面的文件。\n');
    await symlink(path.join(outside, 'secret.md'), path.join(dir, 'chapters', '05-other.md'));
    const run = await runCli(['check', '--format', 'json'], dir);
    // Exit 2, like every file that cannot be read (issue 15).
    expect(run.code).toBe(2);
    const found = JSON.parse(run.stdout) as { ruleId: string; file: string; line: number; url: string }[];
    expect(found.filter((d) => d.ruleId === 'source-outside')).toEqual([
      expect.objectContaining({ file: 'chapters/05-other.md', line: 1, url: 'https://lawreport.dev/docs/rules.md#source-outside' }),
    ]);
    expect(run.stdout).not.toContain('外面的文件');
  });

  it('the same for a catalog or a profile named outside the folder', async () => {
    const files = await exampleFiles();
    const host = hostOf(files);
    const denied = { ...host, readBytes: async (p: string) => (p.startsWith('..') ? ({ status: 'denied', reason: 'outside' } as const) : host.readBytes(p)) };
    files['lawreport.yaml'] = files['lawreport.yaml']!.replace('profile: national', 'profile: ../elsewhere/profile.yaml') + 'catalog: ../elsewhere/catalog.yaml\n';
    const { diagnostics } = await checkReport(denied, session);
    expect(diagnostics.map(at)).toEqual(['source-outside lawreport.yaml:2:10', 'source-outside lawreport.yaml:12:10']);
  });
});

describe('a profile\'s metrics: are checked against the catalog at the profile\'s own line', () => {
  it('reports a typo in the profile, with a did-you-mean, not in metrics.yaml', async () => {
    const files = await exampleFiles();
    files['lawreport.yaml'] = files['lawreport.yaml']!.replace('profile: national', 'profile: outline.yaml');
    files['outline.yaml'] = [
      'id: mine',
      'name: 某地提纲',
      'chapters:',
      '  - $ref: "national#/chapters/0"',
      '    metrics: [enforcement.cases_filled]',
      '  - $ref: "national#/chapters/1"',
      '  - $ref: "national#/chapters/2"',
      '  - $ref: "national#/chapters/3"',
      '',
    ].join('\n');
    const { diagnostics } = await checkReport(hostOf(files), session);
    const found = diagnostics.filter((d) => d.ruleId === 'profile-metric-unknown' || d.ruleId === 'metric-required');
    expect(found.map((d) => [at(d), d.hint?.zh])).toEqual([['profile-metric-unknown outline.yaml:5:15', '是不是“enforcement.cases_filed”？']]);
  });
});

describe('a chapter\'s own "# 标题" is read one way everywhere', () => {
  it('drops a typed number and markup, and skips comments before it', async () => {
    const { buildReport } = await import('../src/pipeline/build.js');
    const files = await exampleFiles();
    files['chapters/01-measures.md'] = files['chapters/01-measures.md']!.replace('## 抓实', '# 一、我们的**主要**举措\n\n## 抓实');
    files['chapters/05-other.md'] = '<!-- 说明 -->\n\n# 其他需要说明的事项\n\n正文。\n';
    const result = await buildReport(hostOf(files), session, ['txt']);
    const text = new TextDecoder().decode(result.outputs.get('txt'));
    expect(text).toContain('\n一、我们的主要举措\n');
    expect(text).toContain('\n五、其他需要说明的事项\n');
    expect(result.source!.chapters.find((c) => c.file === 'chapters/05-other.md')!.title).toBe('其他需要说明的事项');
  });
});
