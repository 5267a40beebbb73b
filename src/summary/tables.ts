import { SEVERITY_LABEL, sortDiagnostics, type Diagnostic, type Lang, type Localized } from '../diagnostics/diagnostic.js';
import type { ChapterStatus } from '../check/chapter-status.js';
import { figureOf, type District, type MetricColumn, type OutlineColumn, type Total, type YearGroup } from './district.js';
import type { ReportRecord } from './record.js';

/**
 * The summary's three views as tables, the one model the XLSX sheets, the CSV files and the HTML
 * tables are drawn from: 合规 (a row per report, a column per outline chapter), 数据 (a row per
 * report, a column per figure, a totals row; one table per year), 问题 (a row per diagnostic).
 */
export type TableId = 'compliance' | 'figures' | 'problems';

/** How a cell is shown: failures and missing chapters stand out, computed figures are marked. */
export type Mark = 'fail' | 'warn' | 'missing' | 'empty' | 'section' | 'optional' | 'absent' | 'computed';

export interface Cell {
  /** Undefined: blank (a figure not given is blank, never 0). */
  value?: string | number;
  mark?: Mark;
  /** Said on hover in the HTML and as a cell note in the XLSX. */
  note?: string;
}

/** What a column holds, for number formats and alignment. */
export type ColumnKind = 'text' | 'integer' | 'count' | 'number' | 'percent' | 'change';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Long text (messages, hints): wraps where the others keep to one line. */
  wrap?: boolean;
  note?: string;
  /** Figure columns: the metric, for charts and the JSON. */
  metric?: MetricColumn;
  /** Compliance columns: the chapter. */
  chapter?: OutlineColumn;
}

export interface TableRow {
  cells: Cell[];
  /** The whole row: a report that fails, or an error among the problems. */
  mark?: 'fail' | 'warn';
  record?: ReportRecord;
}

export interface Table {
  id: TableId;
  /** The sheet's name and the CSV file's suffix: 合规, 数据, 数据2024, 问题. */
  name: string;
  columns: TableColumn[];
  rows: TableRow[];
  totals?: Cell[];
  /** Leading columns that stay in view when scrolling sideways (who the row is about). */
  frozen: number;
  group?: YearGroup;
}

type Tr = (zh: string, en: string) => string;
const translator = (lang: Lang): Tr => (zh, en) => (lang === 'zh' ? zh : en);

export function summaryTables(district: District, lang: Lang): Table[] {
  const tr = translator(lang);
  const several = district.groups.length > 1;
  return [
    complianceTable(district, tr, lang),
    ...district.groups.map((g) => figuresTable(district, g, tr, several ? groupName(g, tr) : tr('数据', 'Figures'))),
    problemsTable(district, tr, lang),
  ];
}

/** 2024年度, or the reports whose year could not be read. */
export function groupLabel(group: Pick<YearGroup, 'year'>, lang: Lang): string {
  const tr = translator(lang);
  return group.year === undefined ? tr('年度不明', 'year unknown') : tr(`${group.year}年度`, String(group.year));
}

const groupName = (g: YearGroup, tr: Tr) => (g.year === undefined ? tr('数据（年度不明）', 'Figures (year unknown)') : tr(`数据${g.year}`, `Figures ${g.year}`));

/** The words a chapter's state is shown with. */
export function chapterCell(status: ChapterStatus | undefined, lang: Lang): Cell {
  const tr = translator(lang);
  if (!status) return { value: '—', mark: 'absent', note: tr('不在这份报告的提纲里', 'not in this report\'s outline') };
  switch (status.state) {
    case 'present':
      return { value: tr('有', 'yes') };
    case 'empty':
      return { value: tr('空', 'empty'), mark: 'empty', note: tr(`${status.files.join('、')} 没有正文`, `${status.files.join(', ')} has no text`) };
    case 'section':
      return {
        value: tr('仅小节', 'sub-section'),
        mark: 'section',
        note: tr(`只作为小节“${status.section!.heading}”出现（${status.section!.file}:${status.section!.line}）`, `only as the sub-section "${status.section!.heading}" (${status.section!.file}:${status.section!.line})`),
      };
    case 'missing':
      return status.required ? { value: tr('缺', 'missing'), mark: 'missing' } : { value: tr('无', 'none'), mark: 'optional', note: tr('可选的一章', 'an optional chapter') };
  }
}

/** Passed, failed, or could not be read. */
export function resultCell(record: ReportRecord, lang: Lang): Cell {
  const tr = translator(lang);
  if (record.failure) return { value: tr('无法读取', 'unreadable'), mark: 'fail', note: record.failure };
  if (!record.passed) return { value: tr('未通过', 'failed'), mark: 'fail' };
  return record.counts.warning > 0 ? { value: tr('通过（有警告）', 'passed (warnings)'), mark: 'warn' } : { value: tr('通过', 'passed') };
}

function complianceTable(district: District, tr: Tr, lang: Lang): Table {
  const columns: TableColumn[] = [
    { header: tr('报告主体', 'Body'), kind: 'text' },
    { header: tr('年度', 'Year'), kind: 'integer' },
    { header: tr('文件夹', 'Folder'), kind: 'text' },
    { header: tr('结果', 'Result'), kind: 'text' },
    { header: tr('错误', 'Errors'), kind: 'integer' },
    { header: tr('警告', 'Warnings'), kind: 'integer' },
    ...district.chapters.map((c) => ({ header: c.short, kind: 'text' as const, note: c.title, chapter: c })),
    { header: tr('未通过的规则', 'Failing rules'), kind: 'text', wrap: true },
    { header: tr('说明', 'Note'), kind: 'text', wrap: true },
  ];
  const rows = district.records.map((r): TableRow => ({
    record: r,
    ...(r.passed ? {} : { mark: 'fail' as const }),
    cells: [
      { value: r.org },
      { value: r.year },
      { value: r.folder },
      resultCell(r, lang),
      { value: r.counts.error, ...(r.counts.error > 0 ? { mark: 'fail' as const } : {}) },
      { value: r.counts.warning, ...(r.counts.warning > 0 ? { mark: 'warn' as const } : {}) },
      ...district.chapters.map((c) => (r.chapters.length === 0 ? {} : chapterCell(r.chapters.find((x) => x.id === c.id), lang))),
      { value: r.failingRules.join(tr('、', ', ')) || undefined },
      { value: r.failure },
    ],
  }));
  return { id: 'compliance', name: tr('合规', 'Compliance'), columns, rows, frozen: 1 };
}

/** The header of a figure column: 「调解成功率（%）」. */
export function metricHeader(column: Pick<MetricColumn, 'label' | 'unit'>): string {
  // 「培训人次」 says its unit already.
  return column.unit && !column.label.endsWith(column.unit) ? `${column.label}（${column.unit}）` : column.label;
}

function figuresTable(district: District, group: YearGroup, tr: Tr, name: string): Table {
  const columns: TableColumn[] = [
    { header: tr('报告主体', 'Body'), kind: 'text' },
    { header: tr('年度', 'Year'), kind: 'integer' },
    { header: tr('文件夹', 'Folder'), kind: 'text' },
  ];
  for (const metric of district.columns) {
    const kind = metric.type === 'percent' ? 'percent' : metric.type === 'count' ? 'count' : 'number';
    columns.push({
      header: metricHeader(metric),
      kind,
      metric,
      ...(metric.computed ? { note: tr('斜体的值由 lawreport 按分子、分母算出（metrics.yaml 没有写）。', 'Values in italics were computed by lawreport from the numerator and denominator (not in metrics.yaml).') } : {}),
    });
    if (metric.change) columns.push({ header: tr(`${metric.label} 同比（%）`, `${metric.label} change (%)`), kind: 'change', metric });
  }
  const rows = group.records.map((r): TableRow => ({
    record: r,
    ...(r.passed ? {} : { mark: 'fail' as const }),
    cells: [
      { value: r.org ?? r.folder, ...(r.passed ? {} : { mark: 'fail' as const, note: r.failure ?? tr(`未通过：${r.counts.error} 个错误`, `failed: ${r.counts.error} error(s)`) }) },
      { value: r.year },
      { value: r.folder },
      ...columns.slice(3).map((c): Cell => {
        const f = figureOf(r, c.metric!);
        if (c.kind === 'change') return { value: shownChange(f?.change) };
        if (!f) return {};
        return f.computed ? { value: f.value, mark: 'computed', note: tr('由 lawreport 算出', 'computed by lawreport') } : { value: f.value };
      }),
    ],
  }));
  const totals: Cell[] = [
    { value: tr(`合计（${group.records.length} 份）`, `Total (${group.records.length})`) },
    { value: group.year },
    {},
    ...columns.slice(3).map((c): Cell => {
      if (c.kind === 'change') return { value: shownChange(group.changes[c.metric!.key]) };
      return totalCell(group.totals[c.metric!.key]!, c.metric!, tr);
    }),
  ];
  return { id: 'figures', name, columns, rows, totals, frozen: 1, group };
}

/**
 * A totals cell. A sum or a recomputed rate is a number; a figure the catalog says not to add
 * says what it shows instead, in the cell itself (a CSV has no notes): 「平均 341.5」,
 * 「范围 330–352」, or 「—」.
 */
function totalCell(t: Total, metric: MetricColumn, tr: Tr): Cell {
  const note = t.note ? { note: tr(t.note.zh, t.note.en) } : {};
  switch (t.aggregate) {
    case 'sum':
    case 'rate':
      return { value: t.value, ...note };
    case 'mean':
      if (t.value === undefined) return {};
      return { value: tr(`平均 ${Number(t.value.toFixed(2))}`, `mean ${Number(t.value.toFixed(2))}`), note: tr(`${t.reports} 份报告的平均数：${metric.label}相加没有意义，不合计。`, `The mean of ${t.reports} report(s): ${metric.label} is not added up.`) };
    case 'range': {
      if (t.min === undefined || t.max === undefined) return {};
      const span = t.min === t.max ? String(t.min) : `${t.min}–${t.max}`;
      return { value: tr(`范围 ${span}`, `range ${span}`), note: tr(`${t.reports} 份报告中最小和最大的${metric.label}（${metric.unit}）：相加没有意义，不合计。`, `The lowest and highest ${metric.label} (${metric.unit}) of ${t.reports} report(s): not added up.`) };
    }
    case 'none':
      return { value: '—', note: tr(`${metric.label}相加没有意义，不合计（指标目录：total: none）。`, `${metric.label} is not added up (catalog: total: none).`) };
  }
}

function problemsTable(district: District, tr: Tr, lang: Lang): Table {
  const columns: TableColumn[] = [
    { header: tr('文件夹', 'Folder'), kind: 'text' },
    { header: tr('文件', 'File'), kind: 'text' },
    { header: tr('行', 'Line'), kind: 'integer' },
    { header: tr('列', 'Column'), kind: 'integer' },
    { header: tr('严重程度', 'Severity'), kind: 'text' },
    { header: tr('规则', 'Rule'), kind: 'text' },
    { header: tr('说明', 'Message'), kind: 'text', wrap: true },
    { header: tr('建议', 'Hint'), kind: 'text', wrap: true },
  ];
  const row = (folder: string, d: Diagnostic): TableRow => ({
    ...(d.severity === 'error' ? { mark: 'fail' as const } : d.severity === 'warning' ? { mark: 'warn' as const } : {}),
    cells: [{ value: folder }, { value: d.file }, { value: d.line }, { value: d.column }, { value: text(SEVERITY_LABEL[d.severity], lang) }, { value: d.ruleId }, { value: text(d.message, lang) }, { value: d.hint && text(d.hint, lang) }],
  });
  const rows: TableRow[] = district.warnings.map((d) => row(tr('（多份报告）', '(several reports)'), d));
  for (const r of district.records) {
    if (r.failure && r.diagnostics.length === 0) {
      rows.push({ mark: 'fail', record: r, cells: [{ value: r.folder }, { value: r.folder }, {}, {}, { value: text(SEVERITY_LABEL.error, lang) }, {}, { value: r.failure }, {}] });
    }
    rows.push(...sortDiagnostics(r.diagnostics).map((d) => ({ ...row(r.folder, d), record: r })));
  }
  return { id: 'problems', name: tr('问题', 'Problems'), columns, rows, frozen: 0 };
}

const text = (l: Localized, lang: Lang) => l[lang];

/** 同比 to two places, as reports state it (+84.15): the JSON keeps the exact value. */
const shownChange = (change: number | undefined) => (change === undefined ? undefined : Number(change.toFixed(2)));
