import type { Lang } from '../diagnostics/diagnostic.js';
import { esc } from '../render/html/page.js';
import { barChart, gridChart, stableClassNames, type Bar } from './charts.js';
import { SANS_FONT } from './fonts.js';
import { summaryPage } from './page.js';
import { figureOf, type District, type YearGroup } from './district.js';
import type { SummaryInput } from './input.js';
import { groupLabel, metricHeader, type Cell, type ColumnKind, type Table } from './tables.js';

/** Colours of the compliance grid, in the order of its legend. */
const STATES = [
  { key: 'present', zh: '有', en: 'present', color: '#59a14f' },
  { key: 'section', zh: '仅小节', en: 'sub-section only', color: '#edc948' },
  { key: 'empty', zh: '空', en: 'empty', color: '#f28e2b' },
  { key: 'missing', zh: '缺', en: 'missing', color: '#e15759' },
  { key: 'optional', zh: '无（可选）', en: 'none (optional)', color: '#d9d9d9' },
  { key: 'absent', zh: '不在提纲中', en: 'not in outline', color: '#f3f3f3' },
  { key: 'unread', zh: '无法读取', en: 'unreadable', color: '#7f7f7f' },
] as const;

/**
 * The summary as one self-contained page, like the report's: styles inline, charts as inline SVG
 * drawn here by ECharts, no script, the published page's CSP. Prints on A4 landscape.
 */
export async function renderSummaryHtml({ district, tables, lang, title }: SummaryInput): Promise<Uint8Array> {
  const tr = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const compliance = tables.find((t) => t.id === 'compliance')!;
  const problems = tables.find((t) => t.id === 'problems')!;
  const failed = district.records.filter((r) => !r.passed).length;
  const unread = district.records.filter((r) => r.failure).length;
  const several = district.groups.length > 1;
  const nav = [
    ...district.groups.map((g) => `<a href="#${groupId(g)}">${esc(groupLabel(g, lang))}</a>`),
    `<a href="#problems">${esc(tr('问题', 'Problems'))}</a>`,
  ].join(' · ');

  const sections = district.groups.map((group) => {
    const figures = tables.find((t) => t.id === 'figures' && t.group === group)!;
    const heading = several || group.year !== undefined ? `<h2>${esc(groupLabel(group, lang))}（${esc(tr(`${group.records.length} 份`, `${group.records.length} reports`))}）</h2>` : '';
    return [
      `<section class="year" id="${groupId(group)}">`,
      heading,
      `<h3>${esc(tr('合规', 'Compliance'))}</h3>`,
      complianceChart(district, group, lang),
      tableHtml({ ...compliance, rows: compliance.rows.filter((r) => r.record && group.records.includes(r.record)) }, lang),
      `<h3>${esc(tr('数据', 'Figures'))}</h3>`,
      tableHtml(figures, lang),
      figures.columns.some((c) => c.metric?.computed) ? `<p class="legend"><i>${esc(tr('斜体', 'Italics'))}</i>${esc(tr('：lawreport 按分子、分母算出的比率（metrics.yaml 没有写）；合计行的比率由各报告的分子、分母之和重算，不取平均。', ': rates lawreport computed from the numerator and denominator (not in metrics.yaml); the totals row recomputes rates from the summed parts, never averages.'))}</p>` : '',
      district.columns.some((c) => c.total !== 'sum' && c.total !== 'rate')
        ? `<p class="legend">${esc(tr('合计行写“平均”“范围”或“—”的数据，在各报告之间相加没有意义（如优良天数），按指标目录的 total 取平均、写出最小值–最大值，或不合计。', 'Totals shown as “mean”, “range” or “—” are figures whose sum across reports means nothing (days of good air, say): as the catalog\'s total says, their mean, their lowest–highest, or no total.'))}</p>`
        : '',
      figureCharts(district, group, lang),
      '</section>',
    ].join('\n');
  });

  const warnings = district.warnings.length
    ? `<section class="warnings"><h2>${esc(tr('汇总时发现', 'Found across reports'))}</h2><ul>${district.warnings.map((d) => `<li><code>${esc([d.file, d.line, d.column].filter((x) => x !== undefined).join(':'))}</code> ${esc(d.message[lang])}</li>`).join('')}</ul></section>`
    : '';

  const body = [
    `<p class="lead">${esc(tr(
      `${district.records.length} 份报告：${district.records.length - failed} 份通过，${failed} 份未通过${unread ? `（其中 ${unread} 份无法读取）` : ''}。`,
      `${district.records.length} reports: ${district.records.length - failed} passed, ${failed} failed${unread ? ` (${unread} unreadable)` : ''}.`,
    ))}</p>`,
    `<nav>${nav}</nav>`,
    warnings,
    ...sections,
    `<section id="problems"><h2>${esc(tr(`问题（${problems.rows.length} 条）`, `Problems (${problems.rows.length})`))}</h2>`,
    problems.rows.length ? tableHtml(problems, lang) : `<p>${esc(tr('没有问题。', 'None.'))}</p>`,
    '</section>',
  ];
  // Renamed over the whole body at once: each chart's class names stay its own.
  return summaryPage(lang, title, STYLE, [stableClassNames(body.filter((b) => b !== '').join('\n'))]);
}

const groupId = (g: Pick<YearGroup, 'year'>) => (g.year === undefined ? 'year-unknown' : `year-${g.year}`);

function figure(id: string, svg: string, caption: string, wide = false): string {
  return `<figure class="chart${wide ? ' wide' : ''}" data-chart="${esc(id)}">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

function complianceChart(district: District, group: YearGroup, lang: Lang): string {
  const tr = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const stateIndex = (key: string) => STATES.findIndex((s) => s.key === key);
  const cells: [number, number, number][] = [];
  group.records.forEach((r, row) => {
    district.chapters.forEach((c, column) => {
      const status = r.chapters.find((x) => x.id === c.id);
      const key = r.chapters.length === 0 ? 'unread' : !status ? 'absent' : status.state === 'missing' && !status.required ? 'optional' : status.state;
      cells.push([column, row, stateIndex(key)]);
    });
  });
  const svg = gridChart(
    tr('各报告的章节', 'Chapters of each report'),
    group.records.map((r) => r.org ?? r.folder),
    district.chapters.map((c) => c.short),
    STATES.map((s) => ({ label: s[lang], color: s.color })),
    cells,
  );
  return figure(`compliance-${groupId(group)}`, svg, tr('提纲要求的每一章：有、只作为小节、空、缺。', 'Each chapter of the outline: present, only a sub-section, empty, missing.'), true);
}

/** A chart per figure any report of the year gives: bars per report; rates against the district's rate. */
function figureCharts(district: District, group: YearGroup, lang: Lang): string {
  const tr = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const counts: string[] = [];
  const rates: string[] = [];
  for (const column of district.columns) {
    const bars: Bar[] = group.records.flatMap((r) => {
      const f = figureOf(r, column);
      return f ? [{ label: r.org ?? r.folder, value: f.value, muted: f.computed || !r.passed }] : [];
    });
    if (bars.length === 0) continue;
    const title = metricHeader(column);
    const missing = group.records.length - bars.length;
    const caption = missing > 0 ? tr(`${missing} 份报告没有这项数据，未画出。`, `${missing} report(s) do not give it; not drawn.`) : '';
    const id = `${groupId(group)}-${column.key}`;
    if (column.type === 'percent') {
      const total = group.totals[column.key]?.value;
      const reference = total === undefined ? undefined : { value: total, label: tr(`合计 ${total}%`, `total ${total}%`) };
      rates.push(figure(id, barChart(title, bars, { percent: true, ...(reference ? { reference } : {}) }), caption));
    } else {
      counts.push(figure(id, barChart(title, bars), caption));
    }
  }
  return [
    counts.length ? `<h3>${esc(tr('各报告的数据', 'Figures by report'))}</h3><div class="charts">${counts.join('\n')}</div>` : '',
    rates.length ? `<h3>${esc(tr('比率（虚线为合计，由分子、分母之和重算）', 'Rates (dashed: the total, recomputed from the summed parts)'))}</h3><div class="charts">${rates.join('\n')}</div>` : '',
  ].join('\n');
}

function tableHtml(table: Table, lang: Lang): string {
  const head = table.columns.map((c) => `<th${c.note ? ` title="${esc(c.note)}"` : ''}${c.kind === 'text' ? '' : ' class="num"'}>${esc(c.header)}</th>`).join('');
  const cell = (c: Cell | undefined, kind: ColumnKind, wrap = false, tag = 'td') => {
    const classes = [kind === 'text' ? '' : 'num', wrap ? 'wrap' : '', c?.mark ?? ''].filter(Boolean);
    return `<${tag}${classes.length ? ` class="${classes.join(' ')}"` : ''}${c?.note ? ` title="${esc(c.note)}"` : ''}>${esc(shown(c, kind, lang))}</${tag}>`;
  };
  const rows = table.rows.map((r) => `<tr${r.mark ? ` class="row-${r.mark}"` : ''}>${table.columns.map((c, i) => cell(r.cells[i], c.kind, c.wrap)).join('')}</tr>`);
  const totals = table.totals ? `<tfoot><tr>${table.columns.map((c, i) => cell(table.totals![i], c.kind)).join('')}</tr></tfoot>` : '';
  return `<div class="table" data-table="${esc(table.id)}"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody>${totals}</table></div>`;
}

/** A cell as the page prints it: counts grouped by thousands, 同比 signed. */
function shown(c: Cell | undefined, kind: ColumnKind, lang: Lang): string {
  if (c?.value === undefined) return '';
  if (typeof c.value === 'string') return c.value;
  if (kind === 'count') return c.value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  if (kind === 'change') return `${c.value > 0 ? '+' : ''}${c.value.toFixed(2)}`;
  return String(c.value);
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; color: #1f1f1f; background: #f4f4f2; font: 13px/1.5 ${SANS_FONT}; }
main { max-width: 1400px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #4e79a7; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.lead { margin: 0 0 6px; font-size: 14px; }
nav { margin-bottom: 12px; }
nav a, a { color: #2b5797; }
.warnings li { margin: 2px 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.table { overflow-x: auto; margin: 6px 0 10px; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #d0d0d0; padding: 2px 6px; vertical-align: top; }
td { white-space: nowrap; }
td.wrap { white-space: normal; min-width: 16em; max-width: 40em; }
thead th { min-width: 3em; max-width: 9em; }
thead th { background: #e7e6e6; position: sticky; top: 0; font-weight: 600; }
th:first-child, td:first-child { position: sticky; left: 0; background: #fff; }
thead th:first-child { background: #e7e6e6; z-index: 1; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 700; background: #f2f2f2; border-top: 2px solid #808080; }
tr.row-fail td:first-child, td.fail { background: #ffc7ce; color: #9c0006; }
tr.row-warn td:first-child, td.warn { background: #ffeb9c; color: #9c5700; }
td.missing { background: #ffc7ce; color: #9c0006; font-weight: 700; }
td.empty { background: #ffeb9c; color: #9c5700; }
td.section { background: #fff2cc; color: #7f6000; }
td.optional, td.absent { color: #8c8c8c; }
td.computed { font-style: italic; color: #44546a; }
.legend { font-size: 12px; color: #555; margin: 0 0 8px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 16px; }
figure.chart { margin: 0 0 8px; break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 11px; color: #666; min-height: 1em; }
@page { size: A4 landscape; margin: 12mm 10mm; }
@media print {
  body { background: none; font-size: 9pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .table { overflow: visible; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th:first-child, td:first-child, thead th { position: static; }
  section.year + section.year, #problems { break-before: page; }
  h2, h3 { break-after: avoid; }
}
`.trim();

/** Nothing left to load once this module is (formats.ts, loadSummaryRenderers; the one-file bundles load theirs here). */
export const ready = (): void => {};
