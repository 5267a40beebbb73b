import type { Lang } from '../diagnostics/diagnostic.js';
import type { ReportDate } from '../model.js';
import { summarise, type District } from './district.js';
import type { ReportRecord } from './record.js';
import { summaryTables, type Table } from './tables.js';

/** What every summary format draws from: the district and its tables, in the reader's language. */
export interface SummaryInput {
  district: District;
  tables: Table[];
  lang: Lang;
  title: string;
  /** What the outputs are stamped with (file dates inside the XLSX): the latest 成文日期, or SOURCE_DATE_EPOCH. */
  stamp: ReportDate;
  sourceDateEpoch?: string;
  /** lawreport's version, for the JSON. */
  version?: string;
}

/** One file of a format: CSV writes one per table, the others one. `suffix` follows the base name (汇总-合规.csv). */
export interface SummaryFile {
  suffix: string;
  bytes: Uint8Array;
}

export interface SummaryOptions {
  lang: Lang;
  sourceDateEpoch?: string;
  version?: string;
}

/** The district, its tables and its title: what every format draws. */
export function summaryInput(records: readonly ReportRecord[], options: SummaryOptions): SummaryInput {
  const district = summarise(records);
  return {
    district,
    tables: summaryTables(district, options.lang),
    lang: options.lang,
    title: summaryTitle(district, options.lang),
    stamp: latestDate(records),
    ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}),
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
}

function summaryTitle(district: District, lang: Lang): string {
  const years = district.groups.flatMap((g) => (g.year === undefined ? [] : [g.year]));
  const n = district.records.length;
  const span = years.length === 0 ? '' : years.length === 1 ? `${years[0]}` : `${years[0]}—${years.at(-1)}`;
  if (lang === 'en') return `Annual rule-of-law government reports: summary${span ? ` (${span}, ${n} reports)` : ` (${n} reports)`}`;
  return `法治政府建设年度报告汇总（${span ? `${span}年度，` : ''}${n} 份）`;
}

/** The latest 成文日期 among the reports: the same reports stamp the same bytes. */
function latestDate(records: readonly ReportRecord[]): ReportDate {
  const dates = records.flatMap((r) => (r.date && Number.isInteger(r.date.year) ? [r.date] : []));
  const key = (d: ReportDate) => d.year * 10000 + d.month * 100 + d.day;
  return dates.reduce<ReportDate>((a, b) => (key(b) > key(a) ? b : a), { year: 1980, month: 1, day: 1 });
}
