/**
 * The rate formula, in one place: 调解成功率 = 调解成功 / 受理 × 100. The catalog's computed
 * rates, the {{pct}} helper and the figure checks all use it.
 */
export function ratePercent(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : (part / whole) * 100;
}
