import type { Catalog, MetricType } from '../model.js';
import { changePercent, withComputedRates } from '../rate.js';

/**
 * One figure of a report as a reader of many reports wants it (the district summary; a figures
 * export): the number with the catalog's name and unit, whether lawreport computed it, and the
 * change over last year. Plain data: it crosses to and from worker threads and into JSON.
 */
export interface FigureRecord {
  /** "disputes.rate". */
  path: string;
  /** The catalog group's label, 「矛盾纠纷」. */
  group: string;
  label: string;
  unit: string;
  type: MetricType;
  value: number;
  /** A rate metrics.yaml leaves out, computed from its numerator and denominator (rounded to its precision). */
  computed: boolean;
  /** A rate's parts, from the catalog: totals recompute the rate from them. */
  numerator?: string;
  denominator?: string;
  precision?: number;
  /** Last year's figure (lawreport.yaml `previous:`), and 同比: the change to this year's in percent (counts only). */
  previous?: number;
  change?: number;
}

/** The number at `path` ("disputes.mediated") in a metrics mapping, if it is one. */
export function valueAt(metrics: Record<string, unknown>, path: string): number | undefined {
  let node: unknown = metrics;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}

/**
 * Every catalog figure a report gives, in catalog order, rates it leaves out computed the way its
 * templates see them. Figures the catalog does not know are left out (metrics-schema reports them).
 */
export function figureRecords(metrics: Record<string, unknown>, catalog: Catalog, previous?: Record<string, unknown>): FigureRecord[] {
  const filled = withComputedRates(metrics, catalog.relations);
  const before = previous && withComputedRates(previous, catalog.relations);
  const records: FigureRecord[] = [];
  for (const group of catalog.groups) {
    for (const def of group.metrics) {
      const value = valueAt(filled, def.path);
      if (value === undefined) continue;
      const last = before && valueAt(before, def.path);
      const change = last === undefined || def.type === 'percent' ? undefined : changePercent(value, last);
      records.push({
        path: def.path,
        group: group.label,
        label: def.label,
        unit: def.unit,
        type: def.type,
        value,
        computed: valueAt(metrics, def.path) === undefined,
        ...(def.numerator !== undefined ? { numerator: def.numerator, denominator: def.denominator, precision: def.precision ?? 1 } : {}),
        ...(last !== undefined ? { previous: last } : {}),
        ...(change !== undefined ? { change } : {}),
      });
    }
  }
  return records;
}
