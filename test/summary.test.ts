/**
 * `lawreport summary` on a generated district of 20 towns (test/district.ts): four fail, one of
 * them cannot even be loaded. The XLSX and the CSV are read back by LibreOffice Calc, and what it
 * reads must be the figures the towns wrote, the totals recomputed here from them, and what
 * lawreport's own JSON says. CI installs LibreOffice (.ci/run); locally the Calc tests skip without it.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { generateDistrict, type Town } from './district.js';
import { repoRoot, runCli } from './helpers.js';
import { calcAvailable, csvViaCalc, sheetsOf } from './spreadsheet.js';

const calc = await calcAvailable();
if (!calc.ok && process.env.CI === 'true') throw new Error(`CI must read the summary back with LibreOffice, but ${calc.why}`);

const readJson = async (file: string) => JSON.parse(await readFile(path.join(repoRoot, file), 'utf8'));

/** The rates lawreport computes when metrics.yaml leaves them out, by the catalog's precision (1 place). */
const RATES: Record<string, [string, string]> = {
  'disputes.rate': ['disputes.mediated', 'disputes.received'],
  'hotline.close_rate': ['hotline.closed', 'hotline.received'],
  'environment.good_air_rate': ['environment.good_air_days', 'environment.valid_days'],
};

/** Figures the catalog says not to add across reports (total: range): the totals row shows lowest–highest. */
const RANGED = ['environment.good_air_days', 'environment.valid_days'];

/** A town's figures as the summary should show them: as written, plus the rates it leaves out. */
function shownFigures(town: Town): Record<string, number> {
  const out = { ...town.figures };
  for (const [rate, [n, d]] of Object.entries(RATES)) {
    if (out[rate] === undefined) out[rate] = Number(((out[n]! / out[d]!) * 100).toFixed(1));
  }
  return out;
}

interface SummaryJson {
  metrics: { key: string; path: string; label: string; unit: string; type: string; total: string }[];
  years: {
    year: number | null;
    reports: string[];
    totals: Record<string, { aggregate: string; value: number | null; min: number | null; max: number | null; reports: number; note: string | null }>;
    changes: Record<string, number>;
  }[];
  warnings: { ruleId: string; file: string; message: string }[];
  reports: {
    folder: string;
    org: string | null;
    passed: boolean;
    failure: string | null;
    failingRules: string[];
    chapters: { id: string; state: string; section: { heading: string } | null }[];
    figures: { path: string; value: number; computed: boolean; previous: number | null; change: number | null }[];
    diagnostics: { ruleId: string }[];
  }[];
}

/** A table read back (rows of text), looked up by header and by folder. */
function lookup(rows: string[][]) {
  const [header, ...body] = rows;
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`no column ${name} in ${header!.join(',')}`);
    return i;
  };
  return {
    header: header!,
    body,
    row: (folder: string) => body.find((r) => r[col('文件夹')] === folder)!,
    cell: (row: string[], name: string) => row[col(name)]!,
  };
}

const header = (m: { label: string; unit: string }) => (m.unit && !m.label.endsWith(m.unit) ? `${m.label}（${m.unit}）` : m.label);

describe('lawreport summary over a district of 20 reports', () => {
  let root: string;
  let towns: Town[];
  let loaded: Town[];
  let json: SummaryJson;
  let run: Awaited<ReturnType<typeof runCli>>;
  const out = (name: string) => path.join(root, 'out', name);

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-summary-'));
    towns = await generateDistrict(root);
    loaded = towns.filter((t) => t.broken !== 'unloadable');
    run = await runCli(['summary', 'towns/*', '-f', 'xlsx,html,csv,json', '-o', 'out'], root);
    json = JSON.parse(await readFile(out('汇总.json'), 'utf8'));
    // Twenty reports checked and summarised in four formats: seconds on a busy 2-core machine, past vitest's 10 s hook default.
  }, 120_000);

  it('writes every format asked for, names them, and exits 0 with four reports failing', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await readdir(path.join(root, 'out'))).sort()).toEqual(['汇总-合规.csv', '汇总-数据.csv', '汇总-问题.csv', '汇总.html', '汇总.json', '汇总.xlsx'].sort());
    expect(run.stdout).toContain('汇总：20 份报告，16 份通过，4 份未通过');
    expect(run.stdout).toContain(`已生成 ${path.join('out', '汇总.xlsx')}`);
  });

  it('JSON: matches schemas/summary.schema.json, one record per report, passing ones included', async () => {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    ajv.addSchema(await readJson('schemas/check-output.schema.json'));
    const validate = ajv.compile(await readJson('schemas/summary.schema.json'));
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(json.reports.map((r) => r.folder)).toEqual(towns.map((t) => t.folder));
    expect(json.reports.map((r) => r.passed)).toEqual(towns.map((t) => !t.broken));
  });

  it('JSON: the figures are the towns\' own; rates left out are computed and marked so; a figure not given is absent, not 0', () => {
    for (const town of loaded) {
      const record = json.reports.find((r) => r.folder === town.folder)!;
      const figures = Object.fromEntries(record.figures.map((f) => [f.path, f.value]));
      expect(figures, town.folder).toEqual(shownFigures(town));
      const computed = record.figures.filter((f) => f.computed).map((f) => f.path).sort();
      expect(computed).toEqual(Object.keys(RATES).filter((r) => town.figures[r] === undefined).sort());
    }
    expect(json.reports[5]!.figures.some((f) => f.path === 'pufa.materials')).toBe(false);
  });

  it('HTML: the totals row shows days of good air as their range, said why on hover, and the page says which totals are not sums', async () => {
    const html = await readFile(out('汇总.html'), 'utf8');
    const foot = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(html)![1]!;
    const days = loaded.map((t) => t.figures['environment.good_air_days']!);
    expect(foot).toMatch(new RegExp(`<td class="num" title="[^"]*不合计[^"]*">范围 ${Math.min(...days)}–${Math.max(...days)}</td>`));
    expect(foot).toContain(`>${loaded.reduce((s, t) => s + t.figures['disputes.received']!, 0).toLocaleString('zh-CN')}<`);
    expect(html).toContain('合计行写“平均”“范围”或“—”的数据');
  });

  it('JSON: 同比 for the towns that name last year\'s folder', () => {
    for (const town of towns.filter((t) => t.previous)) {
      const record = json.reports.find((r) => r.folder === town.folder)!;
      const cases = record.figures.find((f) => f.path === 'enforcement.cases_filed')!;
      const before = town.previous!['enforcement.cases_filed']!;
      expect(cases.previous).toBe(before);
      expect(cases.change).toBeCloseTo(((town.figures['enforcement.cases_filed']! - before) / before) * 100, 10);
    }
    expect(json.reports[0]!.figures.every((f) => f.change === null)).toBe(true);
  });

  it('JSON: each chapter\'s state is read from the outline, a load failure is a record with its cause', () => {
    const chapters = (i: number) => Object.fromEntries(json.reports[i - 1]!.chapters.map((c) => [c.id, c.state]));
    expect(chapters(1)).toEqual({ measures: 'present', shortcomings: 'present', 'first-responsible': 'present', 'next-year': 'present', other: 'missing' });
    expect(chapters(4).shortcomings).toBe('missing');
    expect(chapters(8)['first-responsible']).toBe('section');
    expect(json.reports[7]!.chapters.find((c) => c.id === 'first-responsible')!.section!.heading).toBe('党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(chapters(12)['next-year']).toBe('empty');
    expect(json.reports[11]!.failingRules).toEqual(['chapter-empty', 'figure-part-whole']);
    const unloadable = json.reports[15]!;
    expect(unloadable.chapters).toEqual([]);
    expect(unloadable.failure).toMatch(/^towns\/16-[^/]+\/lawreport\.yaml:\d+:\d+ YAML 语法错误/);
  });

  describe.skipIf(!calc.ok)('read back by LibreOffice Calc', () => {
    let sheets: Record<string, string[][]>;
    beforeAll(async () => {
      sheets = await sheetsOf(new Uint8Array(await readFile(out('汇总.xlsx'))));
    }, 120_000);

    it('has the three sheets', () => {
      expect(Object.keys(sheets).sort()).toEqual(['合规', '数据', '问题'].sort());
    });

    it('数据: every town\'s figures as the town wrote them, blank where it gave none', () => {
      const table = lookup(sheets['数据']!);
      expect(table.body).toHaveLength(towns.length + 1); // and the totals row
      for (const town of towns) {
        const row = table.row(town.folder);
        expect(table.cell(row, '报告主体')).toBe(town.broken === 'unloadable' ? town.folder : town.org);
        const shown = town.broken === 'unloadable' ? {} : shownFigures(town);
        for (const m of json.metrics) {
          const cell = table.cell(row, header(m));
          expect(cell === '' ? undefined : Number(cell), `${town.folder} ${m.path}`).toBe(shown[m.path]);
        }
      }
    });

    it('数据: 同比 beside a figure for the towns that give last year\'s, to two places, and for the total of those towns', () => {
      const table = lookup(sheets['数据']!);
      const withPrevious = towns.filter((t) => t.previous);
      const change = (now: number, before: number) => Number((((now - before) / before) * 100).toFixed(2));
      for (const town of withPrevious) {
        const cell = table.cell(table.row(town.folder), '行政执法立案 同比（%）');
        expect(Number(cell), town.folder).toBe(change(town.figures['enforcement.cases_filed']!, town.previous!['enforcement.cases_filed']!));
      }
      expect(table.cell(table.row(towns[0]!.folder), '行政执法立案 同比（%）')).toBe('');
      const sum = (pick: (t: Town) => number) => withPrevious.reduce((s, t) => s + pick(t), 0);
      expect(Number(table.cell(table.body.at(-1)!, '行政执法立案 同比（%）'))).toBe(change(sum((t) => t.figures['enforcement.cases_filed']!), sum((t) => t.previous!['enforcement.cases_filed']!)));
    });

    it('数据: the totals row sums the counts and recomputes the rates from the summed parts', () => {
      const table = lookup(sheets['数据']!);
      const totals = table.body.at(-1)!;
      expect(totals[0]).toBe('合计（20 份）');
      const sum = (p: string) => loaded.reduce((s, t) => s + (t.figures[p] ?? 0), 0);
      const counts = json.metrics.filter((x) => x.type === 'count' && !RANGED.includes(x.path));
      expect(counts.length).toBeGreaterThan(10);
      for (const m of counts) expect(Number(table.cell(totals, header(m))), m.path).toBe(sum(m.path));
      expect(table.cell(totals, header(json.metrics.find((m) => m.path === 'pufa.materials')!))).toBe(String(sum('pufa.materials')));
      for (const [rate, [n, d]] of Object.entries(RATES)) {
        const m = json.metrics.find((x) => x.path === rate)!;
        expect(Number(table.cell(totals, header(m))), rate).toBe(Number(((sum(n) / sum(d)) * 100).toFixed(2)));
      }
      // An average of the towns' rates would differ: the test would notice an average.
      const average = loaded.reduce((s, t) => s + shownFigures(t)['disputes.rate']!, 0) / loaded.length;
      expect(Math.abs(Number(table.cell(totals, '调解成功率（%）')) - average)).toBeGreaterThan(0.01);
      // A rate with no numerator and denominator has no total, rather than an average.
      expect(table.cell(totals, '规范性文件报备率（%）')).toBe('');
    });

    it('数据: equals what lawreport computed (its JSON), cell for cell', () => {
      const table = lookup(sheets['数据']!);
      for (const record of json.reports) {
        const row = table.row(record.folder);
        for (const f of record.figures) expect(Number(table.cell(row, header(json.metrics.find((m) => m.path === f.path)!)))).toBe(f.value);
      }
      const totals = json.years[0]!.totals;
      for (const m of json.metrics) {
        const cell = table.cell(table.body.at(-1)!, header(m));
        const t = totals[m.key]!;
        if (t.aggregate === 'range') expect(cell, m.key).toBe(`范围 ${t.min}–${t.max}`);
        else expect(cell === '' ? null : Number(cell), m.key).toBe(t.value);
      }
    });

    it('数据: days of good air are not added up: the total is the lowest–highest, and the rate is recomputed from the summed days', () => {
      const table = lookup(sheets['数据']!);
      const totals = table.body.at(-1)!;
      for (const p of RANGED) {
        const values = loaded.map((t) => t.figures[p]!);
        const m = json.metrics.find((x) => x.path === p)!;
        expect(m.total).toBe('range');
        expect(table.cell(totals, header(m)), p).toBe(`范围 ${Math.min(...values)}–${Math.max(...values)}`);
        expect(json.years[0]!.totals[p]).toMatchObject({ aggregate: 'range', value: null, min: Math.min(...values), max: Math.max(...values), reports: loaded.length });
      }
      const sum = (p: string) => loaded.reduce((s, t) => s + t.figures[p]!, 0);
      expect(Number(table.cell(totals, '空气质量优良率（%）'))).toBe(Number(((sum('environment.good_air_days') / sum('environment.valid_days')) * 100).toFixed(2)));
    });

    it('合规: a row per report with its result, each chapter\'s state and the rules it fails', () => {
      const table = lookup(sheets['合规']!);
      expect(table.body).toHaveLength(20);
      const result = (i: number) => table.cell(table.row(towns[i - 1]!.folder), '结果');
      expect([result(1), result(4), result(8), result(12), result(16)]).toEqual(['通过', '未通过', '未通过', '未通过', '无法读取']);
      const state = (i: number, chapter: string) => table.cell(table.row(towns[i - 1]!.folder), chapter);
      expect(['举措和成效', '不足和原因', '第一责任人', '下一年度安排', '其他情况'].map((c) => state(1, c))).toEqual(['有', '有', '有', '有', '无']);
      expect(state(4, '不足和原因')).toBe('缺');
      expect(state(8, '第一责任人')).toBe('仅小节');
      expect(state(12, '下一年度安排')).toBe('空');
      expect(table.cell(table.row(towns[11]!.folder), '未通过的规则')).toBe('chapter-empty、figure-part-whole');
      expect(table.cell(table.row(towns[15]!.folder), '说明')).toMatch(/lawreport\.yaml:\d+:\d+ YAML 语法错误/);
    });

    it('问题: one row per diagnostic, with file, line, column, rule, severity and message', () => {
      const table = lookup(sheets['问题']!);
      const all = json.reports.flatMap((r) => r.diagnostics.map((d) => [r.folder, d.ruleId]));
      expect(table.body.map((r) => [table.cell(r, '文件夹'), table.cell(r, '规则')]).sort()).toEqual(all.sort());
      const missing = table.body.find((r) => table.cell(r, '规则') === 'chapter-missing')!;
      expect(table.cell(missing, '文件')).toBe(`${towns[3]!.folder}/lawreport.yaml`);
      expect(Number(table.cell(missing, '行'))).toBeGreaterThan(0);
      expect(table.cell(missing, '严重程度')).toBe('错误');
      expect(table.cell(missing, '说明')).toContain('缺少必备章节');
    });

    it('CSV: UTF-8 with a BOM, and Calc reads each file exactly as it reads the workbook\'s sheet', async () => {
      for (const name of ['合规', '数据', '问题']) {
        const bytes = await readFile(out(`汇总-${name}.csv`));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(await csvViaCalc(new Uint8Array(bytes), name)).toEqual(sheets[name]);
      }
    }, 120_000);
  });

  it('XLSX: frozen header, autofilter over the rows (not the totals), number formats, CJK-wide columns, failures filled red', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(out('汇总.xlsx'))).buffer);
    const data = workbook.getWorksheet('数据')!;
    expect(data.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(data.autoFilter).toMatch(/^A1:[A-Z]+21$/); // header and 20 reports; the totals row stays put
    const headers = (data.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => data.getColumn(headers.indexOf(name) + 1);
    expect(column('排查受理矛盾纠纷（件）').numFmt).toBe('#,##0');
    expect(column('调解成功率（%）').numFmt).toBe('0.0#');
    // 「白岭镇人民政府」: seven characters, each two columns wide.
    expect(column('报告主体').width).toBeGreaterThanOrEqual(16);
    const failing = data.getRow(1 + 4).getCell(1);
    expect(failing.value).toBe(towns[3]!.org);
    expect((failing.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const computed = data.getRow(2).getCell(headers.indexOf('调解成功率（%）') + 1);
    expect(computed.font?.italic).toBe(true);
    // The totals row: counts as numbers, days of good air as their range (a note says why), never a sum.
    const totals = data.getRow(2 + towns.length);
    expect(totals.getCell(1).value).toBe('合计（20 份）');
    const goodDays = loaded.map((t) => t.figures['environment.good_air_days']!);
    const goodCell = totals.getCell(headers.indexOf('空气质量优良天数（天）') + 1);
    expect(goodCell.value).toBe(`范围 ${Math.min(...goodDays)}–${Math.max(...goodDays)}`);
    expect(JSON.stringify(goodCell.note)).toContain('不合计');
    expect(totals.getCell(headers.indexOf('排查受理矛盾纠纷（件）') + 1).value).toBe(loaded.reduce((s, t) => s + t.figures['disputes.received']!, 0));
    const compliance = workbook.getWorksheet('合规')!;
    const missing = compliance.getRow(1 + 4).getCell(((compliance.getRow(1).values as unknown[]).indexOf('不足和原因')));
    expect(missing.value).toBe('缺');
    expect((missing.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('gives the same bytes for the same reports (stamped with the latest 成文日期)', async () => {
    const again = await runCli(['summary', 'towns/*', '-f', 'xlsx,html,json', '-o', 'again/'], root);
    expect(again.code).toBe(0);
    for (const [a, b] of [['汇总.xlsx', '汇总.xlsx'], ['汇总.html', '汇总.html'], ['汇总.json', '汇总.json']]) {
      expect(Buffer.compare(await readFile(out(a!)), await readFile(path.join(root, 'again', b!))), a).toBe(0);
    }
  });
});

/** A few towns of the generated district, changed as a test needs. */
async function smallDistrict(count: number): Promise<{ root: string; towns: Town[] }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-summary-small-'));
  return { root, towns: await generateDistrict(root, count) };
}

const summaryJson = async (root: string, args: string[]) => {
  const run = await runCli(['summary', ...args, '-f', 'json', '-o', 'out', '-j', '1'], root);
  return { run, json: run.code === 0 ? (JSON.parse(await readFile(path.join(root, 'out', '汇总.json'), 'utf8')) as SummaryJson) : undefined };
};

describe('lawreport summary across reports', () => {
  it('warns about two reports of the same body and year, naming both', async () => {
    const { root, towns } = await smallDistrict(3);
    const config = path.join(root, towns[2]!.folder, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(towns[2]!.org, towns[0]!.org));
    const { run, json } = await summaryJson(root, ['towns/*']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`“${towns[0]!.org}”2024年度有两份报告：${towns[0]!.folder} 和 ${towns[2]!.folder}`);
    expect(json!.warnings.map((w) => [w.ruleId, w.file])).toEqual([['summary-duplicate-report', `${towns[2]!.folder}/lawreport.yaml`]]);
  });

  it('gives a figure whose unit differs between the reports\' catalogs a column per unit, with a warning', async () => {
    const { root, towns } = await smallDistrict(3);
    for (const [i, unit, value] of [[0, '次', 12], [1, '家次', 30], [2, '次', 5]] as const) {
      const dir = path.join(root, towns[i]!.folder);
      await writeFile(path.join(dir, 'catalog.yaml'), `groups:\n  - key: safety\n    label: 安全生产\n    metrics:\n      - { key: inspections, label: 安全检查, unit: ${unit}, type: count }\n`);
      await writeFile(path.join(dir, 'lawreport.yaml'), `${await readFile(path.join(dir, 'lawreport.yaml'), 'utf8')}catalog: catalog.yaml\n`);
      await writeFile(path.join(dir, 'metrics.yaml'), `${await readFile(path.join(dir, 'metrics.yaml'), 'utf8')}safety:\n  inspections: ${value}\n`);
    }
    const { run, json } = await summaryJson(root, ['towns/*']);
    expect(run.code).toBe(0);
    expect(json!.metrics.filter((m) => m.path === 'safety.inspections').map((m) => m.key)).toEqual(['safety.inspections@次', 'safety.inspections@家次']);
    expect(json!.years[0]!.totals['safety.inspections@次']!.value).toBe(17);
    expect(json!.years[0]!.totals['safety.inspections@家次']!.value).toBe(30);
    expect(json!.warnings.map((w) => w.ruleId)).toEqual(['summary-unit-mismatch']);
    expect(json!.warnings[0]!.file).toBe(`${towns[1]!.folder}/lawreport.yaml`);
    expect(run.stderr).toContain('“安全检查”（safety.inspections）在各报告中的单位不同');
  });

  it('totals a figure the catalog says not to add as its mean or not at all (「—」), in the CSV and the JSON alike', async () => {
    const { root, towns } = await smallDistrict(3);
    for (const [i, rank, average] of [[0, 3, 10], [1, 1, 12], [2, 7, 20]] as const) {
      const dir = path.join(root, towns[i]!.folder);
      await writeFile(path.join(dir, 'catalog.yaml'), 'groups:\n  - key: evaluation\n    label: 考核\n    metrics:\n      - { key: rank, label: 法治考核排名, unit: 名, type: count, total: none }\n      - { key: training_hours, label: 人均学法学时, unit: 学时, type: number, total: mean }\n');
      await writeFile(path.join(dir, 'lawreport.yaml'), `${await readFile(path.join(dir, 'lawreport.yaml'), 'utf8')}catalog: catalog.yaml\n`);
      await writeFile(path.join(dir, 'metrics.yaml'), `${await readFile(path.join(dir, 'metrics.yaml'), 'utf8')}evaluation:\n  rank: ${rank}\n  training_hours: ${average}\n`);
    }
    const run = await runCli(['summary', 'towns/*', '-f', 'csv,json', '-o', 'out', '-j', '1'], root);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(root, 'out', '汇总.json'), 'utf8')) as SummaryJson;
    expect(json.years[0]!.totals['evaluation.rank']).toMatchObject({ aggregate: 'none', value: null });
    expect(json.years[0]!.totals['evaluation.training_hours']).toMatchObject({ aggregate: 'mean', value: 14, reports: 3 });
    const csv = (await readFile(path.join(root, 'out', '汇总-数据.csv'), 'utf8')).split('\r\n').filter(Boolean).map((l) => l.split(','));
    const table = lookup(csv);
    const totals = table.body.at(-1)!;
    expect(table.cell(totals, '法治考核排名')).toBe('—');
    expect(table.cell(totals, '人均学法学时')).toBe('平均 14');
    expect(table.cell(totals, '排查受理矛盾纠纷（件）')).toBe(String(towns.reduce((s, t) => s + t.figures['disputes.received']!, 0)));
  });

  it('refuses a catalog that asks a rate for a mean: rates are recomputed from their parts', async () => {
    const { root, towns } = await smallDistrict(1);
    const dir = path.join(root, towns[0]!.folder);
    await writeFile(path.join(dir, 'catalog.yaml'), 'groups:\n  - key: evaluation\n    label: 考核\n    metrics:\n      - { key: pass_rate, label: 考核合格率, unit: "%", type: percent, total: mean }\n');
    await writeFile(path.join(dir, 'lawreport.yaml'), `${await readFile(path.join(dir, 'lawreport.yaml'), 'utf8')}catalog: catalog.yaml\n`);
    const run = await runCli(['check', towns[0]!.folder], root);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/catalog\.yaml:5:\d+/);
    expect(run.stdout + run.stderr).toContain('catalog-schema');
  });

  it('groups mixed years, each with its own totals (a sheet and a CSV file per year)', async () => {
    const { root, towns } = await smallDistrict(3);
    const config = path.join(root, towns[0]!.folder, 'lawreport.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('year: 2024', 'year: 2023').replace('date: 2025-', 'date: 2024-'));
    const { json } = await summaryJson(root, ['towns/*']);
    expect(json!.years.map((y) => [y.year, y.reports])).toEqual([[2023, [towns[0]!.folder]], [2024, [towns[1]!.folder, towns[2]!.folder]]]);
    expect(json!.years[0]!.totals['disputes.received']!.value).toBe(towns[0]!.figures['disputes.received']);
    expect(json!.years[1]!.totals['disputes.received']!.value).toBe(towns[1]!.figures['disputes.received']! + towns[2]!.figures['disputes.received']!);
    const csv = await runCli(['summary', 'towns/*', '-f', 'csv,xlsx', '-o', 'mixed/', '-j', '1'], root);
    expect(csv.code).toBe(0);
    expect((await readdir(path.join(root, 'mixed'))).sort()).toEqual(['汇总-合规.csv', '汇总-数据2023.csv', '汇总-数据2024.csv', '汇总-问题.csv', '汇总.xlsx'].sort());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(path.join(root, 'mixed', '汇总.xlsx'))).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['合规', '数据2023', '数据2024', '问题']);
  });

  it('draws a progress bar on a terminal, and keeps the log clean elsewhere', async () => {
    const { root } = await smallDistrict(3);
    let stderr = '';
    const code = await main({ argv: ['summary', 'towns/*', '-j', '1'], cwd: root, env: { NO_COLOR: '1' }, isTTY: true, stdout: () => {}, stderr: (s) => void (stderr += s) });
    expect(code).toBe(0);
    expect(stderr).toContain('3/3');
    const piped = await runCli(['summary', 'towns/*', '-j', '1'], root);
    expect(piped.stderr).not.toContain('\r');
  });

  it('lists a folder that does not exist as a row carrying why, never a missing row', async () => {
    const { root, towns } = await smallDistrict(2);
    const { run, json } = await summaryJson(root, [towns[0]!.folder, 'towns/nowhere', towns[1]!.folder]);
    expect(run.code).toBe(0);
    expect(json!.reports.map((r) => [r.folder, r.passed])).toEqual([[towns[0]!.folder, true], ['towns/nowhere', false], [towns[1]!.folder, true]]);
    expect(json!.reports[1]!.failure).toContain('找不到文件夹');
  });

  it('keeps a name that a spreadsheet would run as a formula inert in the CSV, and escapes it in the page', async () => {
    const { root, towns } = await smallDistrict(2);
    const config = path.join(root, towns[0]!.folder, 'lawreport.yaml');
    const hostile = '=HYPERLINK("https://example.org","<img src=x onerror=alert(1)>")';
    await writeFile(config, (await readFile(config, 'utf8')).replace(`org: ${towns[0]!.org}`, `org: '${hostile}'`));
    const run = await runCli(['summary', 'towns/*', '-f', 'csv,html', '-o', 'out/', '-j', '1'], root);
    expect(run.code).toBe(0);
    const csv = await readFile(path.join(root, 'out', '汇总-合规.csv'), 'utf8');
    expect(csv.split('\r\n')[1]!.startsWith(`"'=HYPERLINK(`)).toBe(true);
    const html = await readFile(path.join(root, 'out', '汇总.html'), 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('writes into the -o folder (xlsx and html by default), or under the name -o gives with an extension; refuses an unknown format', async () => {
    const { root } = await smallDistrict(2);
    const folder = await runCli(['summary', 'towns/*', '-o', '2024年汇总', '-j', '1'], root);
    expect(folder.code).toBe(0);
    expect((await readdir(path.join(root, '2024年汇总'))).sort()).toEqual(['汇总.html', '汇总.xlsx']);
    const named = await runCli(['summary', 'towns/*', '-o', '区汇总.xlsx', '-f', 'xlsx,csv', '-j', '1'], root);
    expect(named.stdout).toContain('已生成 区汇总.xlsx');
    expect(named.stdout).toContain('已生成 区汇总-合规.csv');
    const bad = await runCli(['summary', 'towns/*', '-f', 'xlsx,pdf'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知的汇总格式“pdf”，可用：xlsx,html,csv,json');
    const none = await runCli(['summary'], root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('用法错误：缺少参数“文件夹”');
  });
});

describe('chart labels', () => {
  it('cut a long name to the axis\'s room (CJK counting two columns), keeping short ones whole', async () => {
    const { fitLabel } = await import('../src/summary/charts.js');
    expect(fitLabel('白岭镇人民政府', 16)).toBe('白岭镇人民政府');
    expect(fitLabel('某某县某某街道办事处综合行政执法大队', 16)).toBe('某某县某某街道…');
    expect(fitLabel('towns/16-long-folder-name', 16)).toBe('towns/16-long-f…');
  });
});
