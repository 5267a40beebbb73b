import type { Relation } from './model.js';

/**
 * The rate formula, in one place: 调解成功率 = 调解成功 / 受理 × 100. The catalog's computed
 * rates, the {{pct}} helper and the figure checks all use it.
 */
export function ratePercent(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : (part / whole) * 100;
}

/**
 * 同比: the change from last year's figure to this year's, in percent of last year's
 * (1224 → 2254 is +84.15). Undefined when last year's was 0 (no percentage of nothing).
 */
export function changePercent(now: number, before: number): number | undefined {
  return before === 0 ? undefined : ((now - before) / before) * 100;
}

/**
 * The figures with every rate metrics.yaml leaves out computed from its numerator and
 * denominator, rounded to the rate's precision: `{{disputes.rate}}` works without writing it.
 * Returns a new object; the figures as written stay untouched for the checks.
 */
export function withComputedRates(metrics: Record<string, unknown>, relations: readonly Relation[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...metrics };
  const num = (path: string) => {
    const [group, key] = path.split('.') as [string, string];
    const value = (metrics[group] as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  for (const r of relations) {
    if (r.kind !== 'rate' || num(r.rate) !== undefined) continue;
    const n = num(r.numerator);
    const d = num(r.denominator);
    const rate = n === undefined || d === undefined ? undefined : ratePercent(n, d);
    const [group, key] = r.rate.split('.') as [string, string];
    const existing = out[group];
    if (rate === undefined || (existing !== undefined && (typeof existing !== 'object' || existing === null))) continue;
    // Null prototype like the rest of the template data: nothing inherited for a template to reach.
    out[group] = Object.assign(Object.create(null) as object, existing, { [key]: Number(rate.toFixed(r.precision)) });
  }
  return out;
}
