import { loc } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';

// What the summary finds across reports: no single report is wrong, so no `rules:` of one report
// can change them (fixedSeverity).

export const summaryDuplicateReport = defineDiagnostic({
  id: 'summary-duplicate-report',
  category: 'summary',
  severity: 'warning',
  fixedSeverity: true,
  description: loc('汇总的报告里，两份的报告主体和年度相同。', 'Two of the summarised reports have the same body and year.'),
  why: loc(
    '同一单位同一年度只有一份年度报告；两份都计入时，全区合计把这个单位算了两次。常见原因是复制去年的文件夹后忘了改 org 或 year。',
    'A body writes one annual report a year; with both counted, the district totals count that body twice. Usually a folder was copied and org or year not changed.',
  ),
  fix: loc('核对两个文件夹：删去重复的一份，或改正其中一份 lawreport.yaml 的 org、year。', "Compare the two folders: remove the duplicate, or correct org or year in one lawreport.yaml."),
  example: { bad: '# 甲/lawreport.yaml 与 乙/lawreport.yaml 都写：\norg: 青河镇人民政府\nyear: 2024\n', good: '# 乙/lawreport.yaml：\norg: 云石镇人民政府\nyear: 2024\n' },
}, {
  duplicate: {
    message: (d: { org: string; year: number; first: string; second: string }) =>
      loc(`“${d.org}”${d.year}年度有两份报告：${d.first} 和 ${d.second}，两份都计入了合计。`, `"${d.org}" has two reports for ${d.year}: ${d.first} and ${d.second}; both are counted in the totals.`),
    hint: 'fix',
  },
});

export const summaryUnitMismatch = defineDiagnostic({
  id: 'summary-unit-mismatch',
  category: 'summary',
  severity: 'warning',
  fixedSeverity: true,
  description: loc('同一项数据在不同报告的指标目录里单位不同。', 'The same figure has different units in different reports\' catalogs.'),
  why: loc(
    '“件”和“宗”、“人”和“人次”不能直接相加：汇总为每个单位各列一栏，各自合计，不把它们混在一起。',
    'Cases and case-times, persons and person-times cannot be added: the summary gives each unit its own column and total rather than mixing them.',
  ),
  fix: loc('统一各报告自己的指标目录（lawreport.yaml 的 catalog）里这一项的单位。', "Use one unit for the figure in the reports' own catalogs (catalog: in lawreport.yaml)."),
}, {
  mismatch: {
    message: (d: { label: string; path: string; units: string }) =>
      loc(`“${d.label}”（${d.path}）在各报告中的单位不同：${d.units}；汇总按单位分栏，分别合计。`, `"${d.label}" (${d.path}) has different units across reports: ${d.units}; the summary gives each unit a column and a total.`),
    hint: 'fix',
  },
});
