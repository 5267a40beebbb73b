import type { Catalog, MetricDef } from '../model.js';

/**
 * The one figure finder: a number with its unit next to a catalog label or alias, in the shapes
 * reports write them (「化解矛盾纠纷1420件」「调解成功率达94.5%」「接待来访群众348批657人次」
 * 「接办“市长12345热线”194件次」「发放宣传资料千余份」「建成2家公共法律服务室」). Import reads
 * figures into metrics.yaml with it; check compares the prose's figures with metrics.yaml with it.
 */
export interface FigureHit {
  def: MetricDef;
  value: number;
  /** The number as written ("94.5", "4万", "千"). */
  number: string;
  /** 「余」/「多」 after a round figure. */
  approx: string;
  /** The unit as written: 「件」, 「起」, 「%」, 「人/次」. */
  unit: string;
  /** Offsets of the number, of the end of number…unit, and of the label. */
  start: number;
  numberEnd: number;
  end: number;
  label: string;
  labelStart: number;
  /** Said of a part of the whole (「其中」「各村居」「安全生产领域」): the metric's value only when nothing else is. */
  part: boolean;
}

/** Units that count the same things (a 起 of disputes is a 件; 件次 of a hotline are its 件). */
export const UNIT_FAMILIES = [['件', '宗', '起', '单', '件次'], ['次', '场', '期', '轮', '场次'], ['名', '人', '位'], ['个', '家', '所', '处', '室'], ['份', '册'], ['本'], ['人次'], ['批'], ['天']];
/** Words that make what follows in the sentence a part of the whole the metric counts. */
export const SUBSET = /其中|领域|专项|联动|各村|村居|村（居）|村\(居\)|行业|分别/;
/** Words after which a number is a change or a comparison, not the labelled figure. */
export const COMPARISON = /同比|环比|较上年|比上年|增长|下降|上升|减少|提高|降低|其中/;

const UNITS = ['人/次', '件/次', '场/次', '人次', '件次', '场次', '%', '％', '件', '宗', '起', '次', '场', '份', '名', '个', '本', '项', '批', '人', '户', '期', '篇', '条', '家', '天', '所', '处', '室', '位'];
/** 「1420」「94.5」「4万」「千」 (before 余/多), then the unit. */
const FIGURE = new RegExp(`(?<![\\d.])(?:(\\d+(?:\\.\\d+)?)\\s*(万|千)?|([千百万])(?=[余多]))\\s*(余|多)?\\s*(${UNITS.map((u) => u.replace(/[/%]/g, '\\$&')).join('|')})`, 'g');
/** Between a label and its figure: a few characters of the same clause (「受理……工单」「达」「共计」). */
const MAX_GAP = 12;
const LOOK_BACK = 60;
const CLAUSE_BREAK = /[，。；：！？,;:!?\n]/;
const SENTENCE_BREAK = /[。；;！？!?\n]/;
/** The number is a date, an ordinal, an article, a document or phone number: never a figure. */
const NOT_A_FIGURE_BEFORE = /[第〕\]号\-—]$/;

export interface Term {
  text: string;
  defs: MetricDef[];
  /** Its place in the list, longest first. */
  order: number;
}

/** A catalog's terms by their first UTF-16 unit, each list longest first. */
type Terms = ReadonlyMap<string, Term[]>;

/**
 * Every label and alias of a catalog (two characters or more), by first character, longest first: made once per
 * catalog and kept by whoever owns the run (a session, an import), never by this module.
 */
export class FigureTerms {
  private readonly byCatalog = new WeakMap<Catalog, Terms>();

  of(catalog: Catalog): Terms {
    let terms = this.byCatalog.get(catalog);
    if (!terms) {
      const byText = new Map<string, MetricDef[]>();
      for (const def of catalog.byPath.values()) {
        for (const text of new Set([def.label, ...def.aliases])) if (text.length >= 2) byText.set(text, [...(byText.get(text) ?? []), def]);
      }
      const all = [...byText].map(([text, defs]) => ({ text, defs })).sort((a, b) => b.text.length - a.text.length).map((t, order) => ({ ...t, order }));
      const byFirst = new Map<string, Term[]>();
      for (const term of all) byFirst.set(term.text[0]!, [...(byFirst.get(term.text[0]!) ?? []), term]);
      terms = byFirst;
      this.byCatalog.set(catalog, terms);
    }
    return terms;
  }
}

const isPercent = (unit: string) => unit === '%' || unit === '％';

export interface FindOptions {
  /** A character standing for text that is not prose (markup, {{…}} left unrendered): never inside a gap. */
  hidden?: string;
  /** The run's terms (made anew for this call without). */
  terms?: FigureTerms;
}

/**
 * The figures of one paragraph. For each number with a unit, the nearest label before it in the
 * same clause wins (longest on a tie); with none, a label right after the unit (「2家公共法律服务室」).
 * A unit that belongs to a sibling metric moves the figure there (「348批657人次」: 批 → batches,
 * 人次 → persons). A label that fits more than one metric is no figure: never a guess.
 */
export function findFigures(text: string, catalog: Catalog, options: FindOptions = {}): FigureHit[] {
  const terms = (options.terms ?? new FigureTerms()).of(catalog);
  const hits: FigureHit[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index!;
    const numberText = m[1] ?? m[3]!;
    const scale = m[2];
    const unit = m[5]!;
    const end = start + m[0].length;
    if (NOT_A_FIGURE_BEFORE.test(text.slice(Math.max(0, start - 1), start))) continue;
    const value = m[3] ? { 千: 1000, 百: 100, 万: 10000 }[m[3] as '千']! : Number(m[1]) * (scale === '万' ? 10000 : scale === '千' ? 1000 : 1);
    const label = labelBefore(text, start, terms, options) ?? labelAfter(text, end, terms);
    if (!label) continue;
    const fits = [...new Set(label.term.defs.map((d) => fitUnit(d, unit, catalog)).filter((d): d is MetricDef => !!d))];
    if (fits.length !== 1) continue;
    hits.push({
      def: fits[0]!,
      value,
      number: numberText + (m[2] ?? ''),
      approx: m[4] ?? '',
      unit,
      start,
      numberEnd: start + m[0].indexOf(numberText) + numberText.length + (m[2]?.length ?? 0),
      end,
      label: label.term.text,
      labelStart: label.at,
      part: SUBSET.test(sentenceBefore(text, label.at)),
    });
  }
  return hits;
}

function labelBefore(text: string, start: number, terms: Terms, options: FindOptions): { term: Term; at: number } | undefined {
  // A label stands within a few characters: look back no further (and no quadratic walk on a long line).
  let clauseStart = start;
  while (clauseStart > 0 && start - clauseStart < LOOK_BACK && !CLAUSE_BREAK.test(text[clauseStart - 1]!)) clauseStart--;
  const before = text.slice(clauseStart, start);
  let best: { term: Term; at: number; end: number } | undefined;
  // Only the terms that start with a character of the clause can be in it (the catalog has hundreds).
  // Which wins does not depend on the order they are tried in: two terms ending at the same place
  // with the same length would be the same text.
  const tried = new Set<string>();
  for (let i = 0; i < before.length; i++) {
    const unit = before[i]!;
    if (tried.has(unit)) continue;
    tried.add(unit);
    for (const term of terms.get(unit) ?? []) {
      const at = before.lastIndexOf(term.text);
      if (at < 0) continue;
      const end = at + term.text.length;
      // Other figures of the clause between label and number do not count (「348批657人次」), nor quotes around the label.
      const gap = before.slice(end).replace(/\d+(?:\.\d+)?\s*(?:余|多)?[\u4e00-\u9fff%]{0,2}/g, '').replace(/[“”"'‘’]/g, '');
      if (gap.length > MAX_GAP || COMPARISON.test(gap) || (options.hidden && gap.includes(options.hidden))) continue;
      if (!best || end > best.end || (end === best.end && term.text.length > best.term.text.length)) best = { term, at: clauseStart + at, end };
    }
  }
  return best;
}

function labelAfter(text: string, end: number, terms: Terms): { term: Term; at: number } | undefined {
  const after = text.slice(end, end + 24);
  // A label that starts within the first three units, the longest first (the terms' own order).
  const candidates = [...new Set([after[0], after[1], after[2]])].flatMap((unit) => (unit === undefined ? undefined : terms.get(unit)) ?? []).sort((a, b) => a.order - b.order);
  for (const term of candidates) {
    const at = after.indexOf(term.text);
    if (at >= 0 && at <= 2 && !CLAUSE_BREAK.test(after.slice(0, at))) return { term, at: end + at };
  }
  return undefined;
}

/**
 * The metric a unit fits: the label's own unit or one counting the same things, else a sibling
 * with exactly this unit (check's and import's unit families alike).
 */
function fitUnit(def: MetricDef, written: string, catalog: Catalog): MetricDef | undefined {
  if (isPercent(written) !== (def.type === 'percent')) return undefined;
  if (isPercent(written)) return def;
  const unit = written.replace('/', '');
  if (def.unit === unit || UNIT_FAMILIES.some((family) => family.includes(unit) && family.includes(def.unit))) return def;
  const group = def.path.split('.')[0];
  const sibling = catalog.groups.find((g) => g.key === group)?.metrics.filter((m) => m.unit === unit && m.type !== 'percent');
  return sibling?.length === 1 ? sibling[0] : undefined;
}

/** The sentence up to `at` (bounded, like the look-back). */
function sentenceBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && at - s < 200 && !SENTENCE_BREAK.test(text[s - 1]!)) s--;
  return text.slice(s, at);
}

/** The sentence around `at`, cut to about 80 characters, for the comment beside a figure in metrics.yaml. */
export function sentenceAround(text: string, at: number): string {
  let s = at;
  while (s > 0 && at - s < 200 && !/[。；！？]/.test(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && e - at < 200 && !/[。；！？]/.test(text[e]!)) e++;
  let sentence = text.slice(s, Math.min(text.length, e + 1)).trim();
  if (sentence.length > 80) {
    const from = Math.max(0, at - s - 40);
    sentence = (from > 0 ? '…' : '') + sentence.slice(from, from + 80) + (from + 80 < sentence.length ? '…' : '');
  }
  return sentence;
}

/** The template text that prints the figure as written: {{fig x}} when the catalog unit fits. */
export function figureReference(hit: FigureHit): string | undefined {
  if (String(hit.value) !== hit.number) return undefined;
  const unit = isPercent(hit.unit) ? '%' : hit.unit;
  if (!hit.approx && unit === hit.def.unit) return `{{fig ${hit.def.path}}}`;
  return `{{${hit.def.path}}}${hit.approx}${hit.unit}`;
}
