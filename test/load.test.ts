import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/load/report.js';
import { checkReport } from '../src/pipeline/build.js';
import { exampleFiles, hostOf, session } from './helpers.js';

describe('loadReport', () => {
  it('reads the example: config, figures, chapters in outline order', async () => {
    const { source, diagnostics } = await loadReport(hostOf(await exampleFiles()), session);
    expect(diagnostics).toEqual([]);
    expect(source!.config).toMatchObject({ org: '示例镇人民政府', year: 2024, date: { year: 2025, month: 2, day: 10 }, profile: 'national' });
    expect(source!.chapters.map((c) => c.id)).toEqual(['preface', 'measures', 'shortcomings', 'first-responsible', 'next-year']);
    expect((source!.metrics.disputes as Record<string, number>).mediated).toBe(66);
  });

  it('keeps one report\'s own catalog out of the next report loaded in the same process (a batch)', async () => {
    const own = await exampleFiles();
    own['lawreport.yaml'] += 'catalog: catalog.yaml\n';
    own['catalog.yaml'] = 'groups:\n  - key: disputes\n    label: 矛盾纠纷\n    metrics:\n      - { key: mediated, label: 调解成功, unit: 起 }\n      - { key: hotline, label: 热线, unit: 件 }\n';
    const first = await loadReport(hostOf(own), session);
    expect(first.source!.catalog.byPath.get('disputes.mediated')?.unit).toBe('起');
    expect(first.source!.catalog.byPath.has('disputes.hotline')).toBe(true);
    const next = await loadReport(hostOf(await exampleFiles()), session);
    expect(next.source!.catalog.byPath.get('disputes.mediated')?.unit).toBe('件');
    expect(next.source!.catalog.byPath.has('disputes.hotline')).toBe(false);
  });

  it('tells the caller the chapters\' size once they are read, before any is parsed (a single run sizes its heap by it)', async () => {
    const files = await exampleFiles();
    const chapters = Object.entries(files).filter(([name]) => /^chapters\/.*\.md$/.test(name));
    const sizes: number[] = [];
    const { source } = await loadReport(hostOf(files), session, { onChaptersRead: (chars) => sizes.push(chars) });
    expect(sizes).toEqual([chapters.reduce((n, [, text]) => n + text.length, 0)]);
    expect(source!.chapters).toHaveLength(chapters.length);
  });

  it('stops with a clear message when lawreport.yaml is missing', async () => {
    const files = await exampleFiles();
    delete files['lawreport.yaml'];
    const { source, diagnostics } = await loadReport(hostOf(files), session);
    expect(source).toBeUndefined();
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.message.zh])).toEqual([['no-config', 'lawreport.yaml', '“/memory/report”不是报告文件夹：找不到 lawreport.yaml。']]);
  });

  it('maps schema errors in lawreport.yaml to the offending key, with a did-you-mean', async () => {
    const files = await exampleFiles();
    files['lawreport.yaml'] = 'org: 示例镇人民政府\nyear: 二〇二四\ndate: 2025-02-10\noutptu:\n  dir: dist\n';
    const { source, diagnostics } = await loadReport(hostOf(files), session);
    const byRule = diagnostics.map((d) => [d.line, d.column, d.message.zh, d.hint?.zh]);
    expect(byRule).toContainEqual([2, 7, expect.stringContaining('year'), expect.anything()]);
    expect(byRule).toContainEqual([4, 1, expect.stringContaining('未知的键“outptu”'), '是不是“output”？']);
    // The report is still loaded, the wrong keys set aside, so the other checks can run.
    expect(source?.config).toMatchObject({ org: '示例镇人民政府', unset: ['year'], output: { dir: 'dist' } });
    expect(source?.chapters.length).toBeGreaterThan(0);
  });

  it('goes on past a lawreport.yaml without date: check still names missing chapters, wording and figures', async () => {
    const files = await exampleFiles();
    files['lawreport.yaml'] = 'org: 示例镇人民政府\nyear: 2024\n';
    delete files['chapters/02-shortcomings.md'];
    files['chapters/05-other.md'] = '法制政府建设取得新进展。全年化解矛盾纠纷1420件。\n';
    const { diagnostics, document } = await checkReport(hostOf(files), session);
    const ids = diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['config-schema', 'chapter-missing', 'term-fazhi-zhengfu', 'prose-figure-mismatch']));
    expect(diagnostics.find((d) => d.ruleId === 'config-schema')!.message.zh).toContain('date');
    // Rules that judge by the date say nothing while there is none.
    expect(ids).not.toContain('date-deadline');
    expect(document?.dateText).toBe('');
  });

  it('refuses a lawreport.yaml that is a list', async () => {
    const files = await exampleFiles();
    files['lawreport.yaml'] = '- org: 示例镇\n';
    const { diagnostics } = await loadReport(hostOf(files), session);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml-not-mapping', file: 'lawreport.yaml', line: 1 });
  });

  it('maps chapters by front matter id, by file name, and by a Chinese title', async () => {
    const files = await exampleFiles();
    delete files['chapters/02-shortcomings.md'];
    delete files['chapters/04-next-year.md'];
    files['chapters/02-shortcomings.md'] = '正文';
    files['chapters/09-下一步打算.md'] = '正文';
    const { source } = await loadReport(hostOf(files), session);
    const ids = Object.fromEntries(source!.chapters.map((c) => [c.file, [c.id, c.idFrom]]));
    expect(ids['chapters/01-measures.md']).toEqual(['measures', 'front-matter']);
    expect(ids['chapters/02-shortcomings.md']).toEqual(['shortcomings', 'file-name']);
    expect(ids['chapters/09-下一步打算.md']).toEqual(['next-year', 'file-name']);
  });

  it('reports malformed front matter at its line', async () => {
    const files = await exampleFiles();
    files['chapters/02-shortcomings.md'] = '---\nid: shortcomings\ntitle: [unclosed\n---\n正文\n';
    const { diagnostics } = await loadReport(hostOf(files), session);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'front-matter', file: 'chapters/02-shortcomings.md' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('checkReport', () => {
  it('finds nothing wrong in the example', async () => {
    const { diagnostics, document } = await checkReport(hostOf(await exampleFiles()), session);
    expect(diagnostics).toEqual([]);
    expect(document!.chapters.map((c) => c.number)).toEqual(['一、', '二、', '三、', '四、']);
  });

  it('reports a chapter file for no outline chapter, and a missing required chapter', async () => {
    const files = await exampleFiles();
    files['chapters/05-extra.md'] = '正文';
    delete files['chapters/03-first-responsible.md'];
    const { diagnostics } = await checkReport(hostOf(files), session);
    expect(diagnostics.map((d) => [d.ruleId, d.file])).toEqual(
      expect.arrayContaining([
        ['chapter-unknown', 'chapters/05-extra.md'],
        ['chapter-missing', 'lawreport.yaml'],
      ]),
    );
  });
});

describe('source encodings', () => {
  it('reads a GBK chapter correctly, with a warning to save it as UTF-8', async () => {
    const iconv = (await import('iconv-lite')).default;
    const files: Record<string, string | Uint8Array> = await exampleFiles();
    files['chapters/05-other.md'] = iconv.encode('---\nid: other\n---\n\n镇政府依法行政，成效明显。\n', 'gbk');
    const { diagnostics, document } = await checkReport(hostOf(files), session);
    expect(diagnostics.filter((d) => d.ruleId === 'source-encoding')).toMatchObject([{ severity: 'warning', file: 'chapters/05-other.md' }]);
    const other = document!.chapters.find((c) => c.id === 'other')!;
    expect(JSON.stringify(other.body)).toContain('镇政府依法行政，成效明显。');
  });

  it('refuses a file it cannot decode instead of guessing, and reports only that', async () => {
    const files: Record<string, string | Uint8Array> = await exampleFiles();
    files['metrics.yaml'] = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 0xff && b !== 0xfe && b !== 0xef));
    const { source, diagnostics } = await loadReport(hostOf(files), session);
    expect(source).toBeUndefined();
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([['source-encoding', 'error', 'metrics.yaml']]);
  });
});
