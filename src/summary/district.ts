import type { Diagnostic, Localized, Location } from '../diagnostics/diagnostic.js';
import { loc } from '../diagnostics/diagnostic.js';
import type { MetricType } from '../model.js';
import { changePercent, ratePercent } from '../rate.js';
import { summaryDuplicateReport, summaryUnitMismatch } from './diagnostics.js';
import type { SummaryFigure } from './figures.js';
import type { ReportRecord } from './record.js';

/** A figure column of the summary: one catalog metric in one unit. */
export interface MetricColumn {
  /** The metric's path, or `path@unit` where reports' catalogs give it different units. */
  key: string;
  path: string;
  group: string;
  label: string;
  unit: string;
  type: MetricType;
  numerator?: string;
  denominator?: string;
  /** Some report's value in it was computed by lawreport (a rate metrics.yaml leaves out). */
  computed: boolean;
  /** Some report gives last year's figure for it (同比). */
  change: boolean;
  /** How the totals row adds it up: summed, a rate recomputed, or (catalog `total:`) mean, range, none. */
  total: Aggregate;
}

/** How a totals cell was made: `sum` and `rate` by default, the others as the catalog's `total:` says. */
export type Aggregate = 'sum' | 'rate' | 'mean' | 'range' | 'none';

/** A cell of a totals row. */
export interface Total {
  aggregate: Aggregate;
  /** The sum, the recomputed rate, or the mean; undefined for a range and for none. */
  value?: number;
  /** A range: the lowest and highest report's figure. */
  min?: number;
  max?: number;
  /** Reports whose figures went into it. */
  reports: number;
  /** Why it is blank, or what it leaves out. */
  note?: Localized;
}

/** The reports of one year, with their totals. */
export interface YearGroup {
  /** Undefined: reports whose year could not be read, among several years. */
  year?: number;
  records: ReportRecord[];
  /** By column key: counts summed; rates recomputed from the summed numerator and denominator, never averaged; a figure the catalog says not to add, as it says. */
  totals: Record<string, Total>;
  /** 同比 of the totals by column key: this year's sum against last year's, over the reports that give both. */
  changes: Record<string, number>;
}

/** A chapter column of the compliance view: the chapters of every report's outline, in outline order. */
export interface OutlineColumn {
  id: string;
  short: string;
  title: string;
  required: boolean;
}

export interface District {
  /** Every report, in the order named (folders sorted as a glob expands). */
  records: ReportRecord[];
  chapters: OutlineColumn[];
  columns: MetricColumn[];
  groups: YearGroup[];
  /** Found across reports: the same body and year twice; a figure in different units. */
  warnings: Diagnostic[];
}

/** Decimal places of a recomputed total rate, as {{pct}} writes a rate by default (52/55 → 94.55). */
const TOTAL_RATE_DIGITS = 2;

/** A sum of figures with decimals, without the binary noise of adding them (0.1 + 0.2 is 0.3). */
const tidy = (sum: number) => Number(sum.toPrecision(12));

const figureId = (f: Pick<SummaryFigure, 'path' | 'unit'>) => `${f.path}@${f.unit}`;

/** A report's figure in a column, if it gives one (blank, never 0, when not). */
export function figureOf(record: ReportRecord, column: Pick<MetricColumn, 'path' | 'unit'>): SummaryFigure | undefined {
  return figuresByPath(record).get(column.path)?.get(column.unit);
}

/**
 * A record's figures by path, then unit (the first of each), made once per record: the summary
 * looks one up per report and column, which searched the record's list each time.
 */
const byPath = new WeakMap<ReportRecord, Map<string, Map<string, SummaryFigure>>>();
function figuresByPath(record: ReportRecord): Map<string, Map<string, SummaryFigure>> {
  let figures = byPath.get(record);
  if (!figures) {
    figures = new Map();
    for (const f of record.figures) {
      let units = figures.get(f.path);
      if (!units) figures.set(f.path, (units = new Map()));
      if (!units.has(f.unit)) units.set(f.unit, f);
    }
    byPath.set(record, figures);
  }
  return figures;
}

/** The district's three views' data: compliance, figures with totals by year, diagnostics. */
export function summarise(records: readonly ReportRecord[]): District {
  const warnings: Diagnostic[] = [];
  const columns = figureColumns(records, warnings);
  warnings.push(...duplicates(records));
  const groups = yearGroups(records).map((group) => ({ ...group, ...totals(group.records, columns) }));
  return { records: [...records], chapters: outlineColumns(records), columns, groups, warnings };
}

/**
 * Items seen in several ordered lists (each report's catalog order, each report's outline), merged
 * into one order: an item new to the merge goes after the one before it in its own list and after
 * whatever follows that which its own list does not hold (a second unit of a figure goes after the first).
 */
function mergeOrder<T>(lists: Iterable<readonly T[]>, id: (item: T) => string): T[] {
  const merged: T[] = [];
  const ids: string[] = [];
  /** Where each item stands in `merged`: found in one step, renumbered only when an item is inserted before it. */
  const place = new Map<string, number>();
  for (const list of lists) {
    const own = new Set(list.map(id));
    let at = -1;
    for (const item of list) {
      const key = id(item);
      const known = place.get(key);
      if (known !== undefined) {
        at = known;
        continue;
      }
      while (at + 1 < merged.length && !own.has(ids[at + 1]!)) at++;
      merged.splice(++at, 0, item);
      ids.splice(at, 0, key);
      for (let i = at; i < ids.length; i++) place.set(ids[i]!, i);
    }
  }
  return merged;
}

function outlineColumns(records: readonly ReportRecord[]): OutlineColumn[] {
  return mergeOrder(
    records.map((r) => r.chapters.map((c) => ({ id: c.id, short: c.short, title: c.title, required: c.required }))),
    (c) => c.id,
  );
}

function figureColumns(records: readonly ReportRecord[], warnings: Diagnostic[]): MetricColumn[] {
  const figures = mergeOrder(records.map((r) => r.figures), figureId);
  // Units by metric, with the reports that use each: more than one is a column per unit and a warning.
  const units = new Map<string, Map<string, ReportRecord[]>>();
  for (const r of records) {
    for (const f of r.figures) {
      const byUnit = units.get(f.path) ?? new Map<string, ReportRecord[]>();
      units.set(f.path, byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), r]));
    }
  }
  for (const [path, byUnit] of units) {
    if (byUnit.size < 2) continue;
    const label = figures.find((f) => f.path === path)!.label;
    const uses = [...byUnit].sort((a, b) => b[1].length - a[1].length);
    const described = uses.map(([unit, rs]) => `${unit || '—'}（${rs.map((r) => r.folder).join('、')}）`).join('；');
    // At a report using a less common unit; the others' first reports are the related places.
    const [first, ...others] = uses.slice(1).concat(uses.slice(0, 1)).map(([, rs]) => rs[0]!);
    warnings.push(
      summaryUnitMismatch.at(placeOf(first!), 'mismatch', { label, path, units: described }, {
        related: others.map((r) => ({ ...placeOf(r), message: loc(`${r.folder} 的单位`, `the unit in ${r.folder}`) })),
      }),
    );
  }
  return figures.map((f) => {
    const split = (units.get(f.path)?.size ?? 1) > 1;
    const inColumn = records.flatMap((r) => r.figures.filter((x) => x.path === f.path && x.unit === f.unit));
    return {
      key: split ? figureId(f) : f.path,
      path: f.path,
      group: f.group,
      label: f.label,
      unit: f.unit,
      type: f.type,
      ...(f.numerator !== undefined ? { numerator: f.numerator, denominator: f.denominator } : {}),
      computed: inColumn.some((x) => x.computed),
      change: inColumn.some((x) => x.previous !== undefined),
      total: f.total ?? (f.type === 'percent' ? 'rate' : 'sum'),
    };
  });
}

function placeOf(record: ReportRecord): Location {
  return record.catalogAt ?? record.orgAt ?? { file: `${record.folder}/lawreport.yaml` };
}

function duplicates(records: readonly ReportRecord[]): Diagnostic[] {
  const first = new Map<string, ReportRecord>();
  const found: Diagnostic[] = [];
  for (const r of records) {
    if (!r.org || r.year === undefined) continue;
    const key = `${r.org}\u0000${r.year}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      continue;
    }
    found.push(
      summaryDuplicateReport.at(r.orgAt ?? { file: r.folder }, 'duplicate', { org: r.org, year: r.year, first: earlier.folder, second: r.folder }, {
        related: [{ ...(earlier.orgAt ?? { file: earlier.folder }), message: loc('同一单位、同一年度的另一份报告', 'the other report of the same body and year') }],
      }),
    );
  }
  return found;
}

/**
 * Reports by year, years in order. A report whose year could not be read joins the one year
 * there is; among several years it goes to a group of its own, last.
 */
function yearGroups(records: readonly ReportRecord[]): { year?: number; records: ReportRecord[] }[] {
  const years = [...new Set(records.flatMap((r) => (r.year === undefined ? [] : [r.year])))].sort((a, b) => a - b);
  const groups = years.map((year) => ({ year, records: records.filter((r) => r.year === year) }));
  const unknown = records.filter((r) => r.year === undefined);
  if (unknown.length === 0) return groups;
  if (groups.length === 1) {
    groups[0]!.records = records.filter((r) => r.year === undefined || r.year === groups[0]!.year);
    return groups;
  }
  return [...groups, { records: unknown }];
}

function totals(records: readonly ReportRecord[], columns: readonly MetricColumn[]): Pick<YearGroup, 'totals' | 'changes'> {
  const out: Record<string, Total> = {};
  const changes: Record<string, number> = {};
  const single = (path: string | undefined) => {
    const found = columns.filter((c) => c.path === path);
    return found.length === 1 ? found[0] : undefined;
  };
  for (const column of columns) {
    const given = records.map((r) => figureOf(r, column)).filter((f): f is SummaryFigure => f !== undefined);
    if (column.total !== 'sum' && column.total !== 'rate') {
      out[column.key] = unsummed(column.total, given.map((f) => f.value));
      continue;
    }
    if (column.type !== 'percent') {
      out[column.key] = given.length > 0 ? { aggregate: 'sum', value: tidy(given.reduce((s, f) => s + f.value, 0)), reports: given.length } : { aggregate: 'sum', reports: 0 };
      const both = given.filter((f) => f.previous !== undefined);
      const change = both.length > 0 ? changePercent(both.reduce((s, f) => s + f.value, 0), both.reduce((s, f) => s + f.previous!, 0)) : undefined;
      if (change !== undefined) changes[column.key] = change;
      continue;
    }
    out[column.key] = rateTotal(records, column, single(column.numerator), single(column.denominator), given.length);
  }
  return { totals: out, changes };
}

/** A figure whose sum means nothing (catalog `total:`): its mean, its range, or no total. */
function unsummed(aggregate: 'mean' | 'range' | 'none', values: number[]): Total {
  const reports = values.length;
  if (aggregate === 'none' || reports === 0) return { aggregate, reports: aggregate === 'none' ? 0 : reports };
  if (aggregate === 'mean') return { aggregate, value: tidy(values.reduce((s, v) => s + v, 0) / reports), reports };
  return { aggregate, min: Math.min(...values), max: Math.max(...values), reports };
}

/** A rate over the district: Σ numerator / Σ denominator over the reports that give both; never an average of rates. */
function rateTotal(records: readonly ReportRecord[], column: MetricColumn, numerator: MetricColumn | undefined, denominator: MetricColumn | undefined, rates: number): Total {
  if (!column.numerator || !column.denominator) {
    return { aggregate: 'rate', reports: 0, note: loc('这个比率在指标目录里没有分子、分母，合计无法重算（比率不取平均）。', 'The catalog gives this rate no numerator and denominator: no total (rates are not averaged).') };
  }
  if (!numerator || !denominator) {
    return { aggregate: 'rate', reports: 0, note: loc('分子或分母在各报告中的单位不同，合计无法重算。', 'The numerator or denominator has different units across reports: no total.') };
  }
  let n = 0;
  let d = 0;
  let reports = 0;
  for (const r of records) {
    const part = figureOf(r, numerator);
    const whole = figureOf(r, denominator);
    if (!part || !whole) continue;
    n += part.value;
    d += whole.value;
    reports++;
  }
  const rate = reports > 0 ? ratePercent(n, d) : undefined;
  const left = rates - reports;
  const note = left > 0
    ? loc(`按 ${reports} 份同时填了${numerator.label}和${denominator.label}的报告重算；另有 ${left} 份只写了比率，未计入。`, `Recomputed over the ${reports} report(s) giving both parts; ${left} gave the rate alone and are not counted.`)
    : undefined;
  return { aggregate: 'rate', ...(rate !== undefined ? { value: Number(rate.toFixed(TOTAL_RATE_DIGITS)) } : {}), reports, ...(note ? { note } : {}) };
}
