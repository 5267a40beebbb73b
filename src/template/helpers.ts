import type { Catalog } from '../model.js';
import { ratePercent } from '../rate.js';

/** Thrown by a helper on bad arguments; the template stage turns it into a diagnostic. */
export class HelperError extends Error {}

type HelperOptions = { hash: Record<string, unknown>; ids?: string[]; name: string };

function toNumber(value: unknown, helper: string, position: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) {
    throw new HelperError(`${helper}: argument ${position} is not a number (${JSON.stringify(value)})`);
  }
  return n;
}

/** Formats a number as Chinese reports write figures: no thousands separators, fixed decimals when asked. */
export function formatNumber(n: number, digits?: number): string {
  return digits === undefined ? String(n) : n.toFixed(digits);
}

/** A rate as {{pct}} prints it; the caller has refused a whole of 0. */
export function formatPercent(part: number, whole: number, digits = 2): string {
  return `${formatNumber(ratePercent(part, whole) ?? NaN, digits)}%`;
}

/** "2025-02-10" → "2025年2月10日" (GB/T 9704: Arabic digits, full year, no zero padding). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  if (!m) throw new HelperError(`cndate: "${iso}" is not a date like 2025-02-10`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * The helpers chapters may use. `fig` finds a figure's unit in the catalog through the
 * argument's path (Handlebars `trackIds`), so `{{fig disputes.mediated}}` prints "66件".
 */
export function createHelpers(catalog: Catalog): Record<string, (...args: unknown[]) => unknown> {
  const opts = (args: unknown[]) => args[args.length - 1] as HelperOptions;
  const params = (args: unknown[]) => args.slice(0, -1);
  return {
    /** {{pct part whole digits=2}} → "97.06%" */
    pct(...args) {
      const [part, whole] = params(args);
      const o = opts(args);
      if (params(args).length !== 2) throw new HelperError('pct takes two figures: {{pct part whole}}');
      const w = toNumber(whole, 'pct', 2);
      if (w === 0) throw new HelperError('pct: the whole is 0');
      const digits = o.hash.digits === undefined ? 2 : toNumber(o.hash.digits, 'pct digits', 3);
      return formatPercent(toNumber(part, 'pct', 1), w, digits);
    },
    /** {{fig disputes.mediated}} → "66件"; unit="次" overrides; digits=1 fixes decimals. */
    fig(...args) {
      const [value] = params(args);
      const o = opts(args);
      if (params(args).length !== 1) throw new HelperError('fig takes one figure: {{fig group.key}}');
      const n = toNumber(value, 'fig', 1);
      const path = o.ids?.[0];
      const unit = typeof o.hash.unit === 'string' ? o.hash.unit : path ? catalog.byPath.get(path)?.unit : undefined;
      if (unit === undefined) throw new HelperError(`fig: no unit known for "${path ?? '?'}"; add unit="…"`);
      const digits = o.hash.digits === undefined ? undefined : toNumber(o.hash.digits, 'fig digits', 2);
      return `${formatNumber(n, digits)}${unit}`;
    },
    /** {{sum a b c}} */
    sum(...args) {
      return params(args).reduce<number>((acc, v, i) => acc + toNumber(v, 'sum', i + 1), 0);
    },
    /** {{diff a b}} = a − b */
    diff(...args) {
      const [a, b] = params(args);
      if (params(args).length !== 2) throw new HelperError('diff takes two figures: {{diff a b}}');
      return toNumber(a, 'diff', 1) - toNumber(b, 'diff', 2);
    },
    /** {{cndate "2025-02-10"}} → "2025年2月10日" */
    cndate(...args) {
      const [value] = params(args);
      return formatChineseDate(String(value));
    },
  };
}

export const HELPER_NAMES = ['pct', 'fig', 'sum', 'diff', 'cndate'] as const;
/** Handlebars' own block helpers that chapters may use. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
