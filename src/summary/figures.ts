import { figureRecords } from '../figures/records.js';
import type { FigureRecord, MetricType, ReportSource, TotalKind } from '../model.js';
import { changePercent } from '../rate.js';
import { TemplateCache } from '../template/render.js';

/**
 * One figure of a report as the district summary lays it out: a catalog figure in its group, with
 * its type (counts are summed, rates recomputed from their parts) and 同比. Plain data: it crosses
 * from the worker that checked the report.
 */
export interface SummaryFigure {
  /** "disputes.rate". */
  path: string;
  /** The catalog group's label, 「矛盾纠纷」. */
  group: string;
  label: string;
  unit: string;
  type: MetricType;
  value: number;
  /** A rate metrics.yaml leaves out, computed from its numerator and denominator. */
  computed: boolean;
  /** A rate's parts, from the catalog: totals recompute the rate from them. */
  numerator?: string;
  denominator?: string;
  /** The catalog's `total:` when it is not a sum (优良天数: the range). */
  total?: TotalKind;
  /** Last year's figure (lawreport.yaml `previous:`), and 同比: the change to this year's in percent (not for rates). */
  previous?: number;
  change?: number;
}

/**
 * The catalog figures a report gives, in catalog order: the records figures/records.ts makes for
 * `build -f json` and `lawreport diff` (metrics.yaml's values, the rates the catalog computes from
 * them), those the catalog knows, with last year's beside them. Figures only the text computes
 * ({{pct}}, {{sum}}) are no column of a district's table: no chapter is read here.
 */
export function summaryFigures(source: Pick<ReportSource, 'metrics' | 'metricsDoc' | 'catalog' | 'config' | 'previous'>): SummaryFigure[] {
  const templates = new TemplateCache();
  const numbers = (records: FigureRecord[]) => new Map(records.flatMap((r) => (typeof r.value === 'number' ? [[r.id, { ...r, value: r.value }] as const] : [])));
  const now = numbers(figureRecords(source, [], templates));
  const before = source.previous && numbers(figureRecords({ ...source, metrics: source.previous.metrics, metricsDoc: source.previous.doc }, [], templates));
  const figures: SummaryFigure[] = [];
  for (const group of source.catalog.groups) {
    for (const def of group.metrics) {
      const record = now.get(def.path);
      if (!record) continue;
      const last = before?.get(def.path)?.value;
      const change = last === undefined || def.type === 'percent' ? undefined : changePercent(record.value, last);
      figures.push({
        path: def.path,
        group: group.label,
        label: def.label,
        unit: def.unit,
        type: def.type,
        value: record.value,
        computed: record.computed,
        ...(def.numerator !== undefined && def.denominator !== undefined ? { numerator: def.numerator, denominator: def.denominator } : {}),
        ...(def.total !== undefined ? { total: def.total } : {}),
        ...(last !== undefined ? { previous: last } : {}),
        ...(change !== undefined ? { change } : {}),
      });
    }
  }
  return figures;
}
