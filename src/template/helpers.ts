import { loc, type Localized } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { calendarDate, type Catalog } from '../model.js';
import { ratePercent } from '../rate.js';

/** Where a helper was written in its template (Handlebars' `options.loc`: 1-based line, 0-based column). */
export interface HelperLoc {
  start: { line: number; column: number };
}

/** What a helper says about bad arguments, in both languages: the template stage turns it into a diagnostic at `loc`. */
export class HelperError extends Error {
  constructor(
    readonly text: Localized,
    readonly loc?: HelperLoc,
  ) {
    super(text.en);
  }
}

export const templateHelperError = defineDiagnostic({
  id: 'template-helper-error',
  category: 'template',
  severity: 'error',
  fixedSeverity: true,
  description: loc('模板函数的参数不对（个数不对、不是数字、除数为 0、日期不存在），或 {{#each}} 超过上限。', 'A template helper got bad arguments (too many or too few, not a number, division by 0, a date that does not exist), or an {{#each}} passed its limit.'),
  why: loc('算不出的比率不能印成“NaN%”，一组数据不能印成“[object Object]”。', 'A rate that cannot be computed must not print as "NaN%", nor a group of figures as "[object Object]".'),
  fix: loc('按提示检查函数的写法和参数对应的数据。', 'Check how the helper is written and the figures passed to it, as the message says.'),
  example: { bad: '{{pct disputes.mediated 0}}\n', good: '{{pct disputes.mediated disputes.received}}\n' },
}, {
  failed: { message: (d: { text: Localized }) => d.text, hint: (d: { text: Localized; hint?: Localized }) => d.hint },
});

/** How each helper is called: its number of arguments, its options (hash keys) and what they take. Checked before filling (check-paths.ts) and when called. */
export const HELPER_SIGNATURES: Record<string, { min: number; max: number; example: string; numbers?: boolean; hash?: Record<string, 'string' | 'digits'> }> = {
  pct: { min: 2, max: 2, example: '{{pct disputes.mediated disputes.received}}', numbers: true, hash: { digits: 'digits' } },
  fig: { min: 1, max: 1, example: '{{fig disputes.mediated}}', numbers: true, hash: { unit: 'string', digits: 'digits' } },
  sum: { min: 1, max: Infinity, example: '{{sum hotline.closed hotline.open}}', numbers: true },
  diff: { min: 2, max: 2, example: '{{diff enforcement.cases_filed enforcement.cases_closed}}', numbers: true },
  cndate: { min: 1, max: 1, example: '{{cndate "2025-02-10"}}' },
  lookup: { min: 2, max: 2, example: '{{lookup disputes "received"}}' },
  if: { min: 1, max: 1, example: '{{#if disputes.received}}…{{/if}}' },
  unless: { min: 1, max: 1, example: '{{#unless disputes.received}}…{{/unless}}' },
  each: { min: 1, max: 1, example: '{{#each disputes}}…{{/each}}' },
  with: { min: 1, max: 1, example: '{{#with disputes}}…{{/with}}' },
};

/** The words of a helper's complaints, one home for the static checks and the calls. */
export const helperText = {
  arity: (name: string, given: number) => {
    const sig = HELPER_SIGNATURES[name]!;
    const wants = sig.max === Infinity ? `至少 ${sig.min} 个` : sig.min === sig.max ? `${sig.min} 个` : `${sig.min}–${sig.max} 个`;
    const wantsEn = sig.max === Infinity ? `at least ${sig.min}` : sig.min === sig.max ? `${sig.min}` : `${sig.min}–${sig.max}`;
    return loc(`{{${name}}} 需要 ${wants}参数，这里写了 ${given} 个；写法如 ${sig.example}。`, `{{${name}}} takes ${wantsEn} argument(s), here ${given}; write it like ${sig.example}.`);
  },
  group: (name: string, position: number, written: string) =>
    loc(`{{${name}}} 的第 ${position} 个参数“${written}”是一组数据，不是一个数：请写到其中一项，如 ${written}.…。`, `Argument ${position} of {{${name}}}, "${written}", is a group of figures, not a number: name one of its figures (${written}.…).`),
  notNumber: (name: string, position: number, value: unknown) =>
    loc(`{{${name}}} 的第 ${position} 个参数不是数（${clipValue(value)}）。`, `Argument ${position} of {{${name}}} is not a number (${clipValue(value)}).`),
  hash: (name: string, key: string, kind: 'string' | 'digits') =>
    kind === 'string'
      ? loc(`{{${name}}} 的 ${key}= 要写成带引号的文字，如 ${key}="件"。`, `${key}= of {{${name}}} takes quoted text, e.g. ${key}="件".`)
      : loc(`{{${name}}} 的 ${key}= 要写 0 到 10 的整数，如 ${key}=1。`, `${key}= of {{${name}}} takes a whole number from 0 to 10, e.g. ${key}=1.`),
  unknownHash: (name: string, key: string) => {
    const keys = Object.keys(HELPER_SIGNATURES[name]?.hash ?? {});
    return loc(`{{${name}}} 没有 ${key}= 这一项${keys.length ? `（可用：${keys.join('、')}）` : ''}。`, `{{${name}}} has no ${key}= option${keys.length ? ` (available: ${keys.join(', ')})` : ''}.`);
  },
};

const clipValue = (value: unknown) => {
  const text = typeof value === 'string' ? `"${value}"` : value === undefined ? '空' : String(JSON.stringify(value) ?? value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

type HelperOptions = { hash: Record<string, unknown>; ids?: string[]; name: string; loc?: HelperLoc };

function toNumber(value: unknown, helper: string, position: number, o: HelperOptions): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) {
    const written = o.ids?.[position - 1];
    throw new HelperError(value !== null && typeof value === 'object' && written ? helperText.group(helper, position, written) : helperText.notNumber(helper, position, value), o.loc);
  }
  return n;
}

/** The arguments a helper was called with; the same complaint as the static check when their number is wrong. */
function argsOf(name: string, args: unknown[]): { params: unknown[]; o: HelperOptions } {
  const o = args[args.length - 1] as HelperOptions;
  const params = args.slice(0, -1);
  const sig = HELPER_SIGNATURES[name]!;
  if (params.length < sig.min || params.length > sig.max) throw new HelperError(helperText.arity(name, params.length), o.loc);
  return { params, o };
}

function digitsOption(o: HelperOptions, helper: string): number | undefined {
  const digits = o.hash.digits;
  if (digits === undefined) return undefined;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 10) throw new HelperError(helperText.hash(helper, 'digits', 'digits'), o.loc);
  return digits;
}

/** Formats a number as Chinese reports write figures: no thousands separators, fixed decimals when asked. */
export function formatNumber(n: number, digits?: number): string {
  return digits === undefined ? plainDigits(n) : n.toFixed(digits);
}

/** A number in plain digits, never JavaScript's exponent form (1e-7 → "0.0000001"); figures beyond 2^53 never get here (load/numbers.ts). */
function plainDigits(n: number): string {
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, head, tail = '', exp] = m;
  const digits = head! + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.padEnd(point, '0').slice(0, point)}${digits.length > point ? `.${digits.slice(point)}` : ''}`;
}

/** A rate as {{pct}} prints it; the caller has refused a whole of 0. */
export function formatPercent(part: number, whole: number, digits = 2): string {
  return `${formatNumber(ratePercent(part, whole) ?? NaN, digits)}%`;
}

/** "2025-02-10" → "2025年2月10日" (GB/T 9704: Arabic digits, full year, no zero padding). */
export function formatChineseDate(iso: string, at?: HelperLoc): string {
  const date = calendarDate(iso);
  if (!date) throw new HelperError(loc(`{{cndate}} 的“${iso}”不是存在的日期，请写作 2025-02-10。`, `"${iso}" given to {{cndate}} is not a date that exists; write it like 2025-02-10.`), at);
  return `${date.year}年${date.month}月${date.day}日`;
}

/**
 * The helpers chapters may use. `fig` finds a figure's unit in the catalog through the
 * argument's path (Handlebars `trackIds`), so `{{fig disputes.mediated}}` prints "66件".
 */
export function createHelpers(catalog: Catalog): Record<string, (...args: unknown[]) => unknown> {
  return {
    /** {{pct part whole digits=2}} → "97.06%" */
    pct(...args) {
      const { params: [part, whole], o } = argsOf('pct', args);
      const w = toNumber(whole, 'pct', 2, o);
      if (w === 0) throw new HelperError(loc(`{{pct}} 的整体${o.ids?.[1] ? `“${o.ids[1]}”` : ''}为 0，算不出比率。`, `The whole${o.ids?.[1] ? ` "${o.ids[1]}"` : ''} of {{pct}} is 0: no rate can be computed.`), o.loc);
      const digits = digitsOption(o, 'pct') ?? 2;
      return formatPercent(toNumber(part, 'pct', 1, o), w, digits);
    },
    /** {{fig disputes.mediated}} → "66件"; unit="次" overrides; digits=1 fixes decimals. */
    fig(...args) {
      const { params: [value], o } = argsOf('fig', args);
      const n = toNumber(value, 'fig', 1, o);
      const path = o.ids?.[0];
      if (o.hash.unit !== undefined && typeof o.hash.unit !== 'string') throw new HelperError(helperText.hash('fig', 'unit', 'string'), o.loc);
      const unit = typeof o.hash.unit === 'string' ? o.hash.unit : path ? catalog.byPath.get(path)?.unit : undefined;
      if (unit === undefined) throw new HelperError(loc(`{{fig}} 不知道“${path ?? '这个数'}”的单位：请加上 unit="件" 之类。`, `{{fig}} knows no unit for "${path ?? 'this number'}": add unit="件" or the like.`), o.loc);
      return `${formatNumber(n, digitsOption(o, 'fig'))}${unit}`;
    },
    /** {{sum a b c}} */
    sum(...args) {
      const { params, o } = argsOf('sum', args);
      return params.reduce<number>((acc, v, i) => acc + toNumber(v, 'sum', i + 1, o), 0);
    },
    /** {{diff a b}} = a − b */
    diff(...args) {
      const { params: [a, b], o } = argsOf('diff', args);
      return toNumber(a, 'diff', 1, o) - toNumber(b, 'diff', 2, o);
    },
    /** {{cndate "2025-02-10"}} → "2025年2月10日" */
    cndate(...args) {
      const { params: [value], o } = argsOf('cndate', args);
      return formatChineseDate(String(value), o.loc);
    },
  };
}

export const HELPER_NAMES = ['pct', 'fig', 'sum', 'diff', 'cndate'] as const;
/** Handlebars' own block helpers that chapters may use. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
