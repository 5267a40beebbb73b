import { withComputedRates } from '../rate.js';
import type { ReportConfig, ReportSource } from '../model.js';

export interface ReportFields {
  org: string;
  /** Empty while lawreport.yaml lacks the year (check reports that; nothing is built). */
  year: number | '';
  nextYear: number | '';
  /** 成文日期 as written in lawreport.yaml, "2025-02-10". */
  date: string;
  title: string;
  signature: string[];
}

export function reportFields(config: ReportConfig): ReportFields {
  const d = config.date;
  const year = config.unset.includes('year') ? '' : config.year;
  return {
    org: config.org,
    year,
    nextYear: year === '' ? '' : year + 1,
    date: config.unset.includes('date') ? '' : `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
    title: config.title ?? '',
    signature: config.signature,
  };
}

/**
 * The prototype of every object a template sees: nothing a path can reach (no names at all),
 * only the conversion Handlebars needs when it compares a scope with its parent
 * (`context != depths[0]` in its runtime throws on a bare null-prototype object).
 */
const DATA_PROTOTYPE: object = Object.freeze(
  Object.create(null, { [Symbol.toPrimitive]: { value: (hint: string) => (hint === 'string' ? '[一组数据]' : NaN) } }),
);

/** `value` with every plain object rebuilt on DATA_PROTOTYPE. */
function templateValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => templateValue(v, depth + 1));
  const copy = Object.create(DATA_PROTOTYPE) as Record<string, unknown>;
  // Defined, not assigned: a `__proto__` key from YAML stays a key and never becomes the prototype.
  for (const [key, child] of Object.entries(value)) Object.defineProperty(copy, key, { value: templateValue(child, depth + 1), enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * The data every template sees: the figures of metrics.yaml at the top level
 * ({{disputes.mediated}}, rates it leaves out computed from their parts) and the report's own
 * fields under `report`. Nothing is inherited for a template to reach (DATA_PROTOTYPE).
 */
export function templateContext(source: Pick<ReportSource, 'metrics' | 'catalog' | 'config'>): Record<string, unknown> {
  const figures = withComputedRates(source.metrics, source.catalog.relations);
  return templateValue({ ...figures, report: reportFields(source.config) }) as Record<string, unknown>;
}
