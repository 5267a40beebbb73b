import { COMPARISON, SUBSET, UNIT_FAMILIES } from '../check/prose-figures.js';
import type { Catalog, MetricDef } from '../model.js';

/** A figure found next to a metric's label: 「化解矛盾纠纷1420件」 → disputes.mediated = 1420. */
export interface FigureHit {
  def: MetricDef;
  value: number;
  /** The number as written ("94.5"). */
  number: string;
  /** 「余」/「多」 after a round figure, kept in the text. */
  approx: string;
  /** The unit as written, e.g. 「件」, 「起」, 「%」, 「人/次」. */
  unit: string;
  /** Offsets of number…unit in the text. */
  start: number;
  end: number;
  /** The sentence it stands in, for the comment in metrics.yaml. */
  sentence: string;
  /** Said of a part of the whole (「其中」「各村居」「安全生产领域」): the metric's value only when nothing else is. */
  part: boolean;
}

const UNITS = ['人/次', '件/次', '场/次', '人次', '件次', '场次', '%', '％', '件', '宗', '起', '次', '场', '份', '名', '个', '本', '项', '批', '人', '户', '期', '篇', '条', '家', '天'];
const FIGURE = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(余|多)?\\s*(${UNITS.map((u) => u.replace(/[/%]/g, '\\$&')).join('|')})`, 'g');
/** Between a label and its figure: a few characters of the same clause (「受理……工单」「达」「共计」). */
const MAX_GAP = 12;
const LOOK_BACK = 60;
const CLAUSE_BREAK = /[，。；：！？,;:!?]/;

interface Term {
  text: string;
  def: MetricDef;
}

const termsByCatalog = new WeakMap<Catalog, Term[]>();

/** Every label and alias of the catalog, longest first (computed once per catalog). */
function termsOf(catalog: Catalog): Term[] {
  let terms = termsByCatalog.get(catalog);
  if (!terms) {
    terms = catalog.groups.flatMap((g) => g.metrics.flatMap((def) => [def.label, ...def.aliases].map((text) => ({ text, def }))));
    terms.sort((a, b) => b.text.length - a.text.length);
    termsByCatalog.set(catalog, terms);
  }
  return terms;
}

const isPercent = (unit: string) => unit === '%' || unit === '％';

/**
 * The figures of one paragraph that stand next to a known label or alias. The nearest
 * label before the number wins (longest on a tie); a unit that belongs to a sibling metric
 * moves the figure there (「接待来访群众348批657人次」: 批 → batches, 人次 → persons).
 */
export function findFigures(text: string, catalog: Catalog): FigureHit[] {
  const terms = termsOf(catalog);
  const hits: FigureHit[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index!;
    const unit = m[3]!;
    // A label stands within a few characters: look back no further (and no quadratic walk on a long line).
    let clauseStart = start;
    while (clauseStart > 0 && start - clauseStart < LOOK_BACK && !CLAUSE_BREAK.test(text[clauseStart - 1]!)) clauseStart--;
    const before = text.slice(clauseStart, start);
    const candidates: { term: Term; end: number; part: boolean }[] = [];
    for (const term of terms) {
      const at = before.lastIndexOf(term.text);
      if (at < 0) continue;
      const end = at + term.text.length;
      const gap = before.slice(end).replace(/\d+(?:\.\d+)?\s*(?:余|多)?[\u4e00-\u9fff%]{0,2}/g, '');
      // Check's prose-figure words: a change over last year is never the figure; a part of the total is flagged.
      if (gap.length > MAX_GAP || COMPARISON.test(gap)) continue;
      candidates.push({ term, end, part: SUBSET.test(sentenceBefore(text, clauseStart + at)) });
    }
    candidates.sort((a, b) => b.end - a.end || b.term.text.length - a.term.text.length);
    for (const { term, part } of candidates) {
      const def = fitUnit(term.def, unit, catalog);
      if (!def) continue;
      hits.push({
        def,
        value: Number(m[1]),
        number: m[1]!,
        approx: m[2] ?? '',
        unit,
        start,
        end: start + m[0].length,
        sentence: sentenceAround(text, start),
        part,
      });
      break;
    }
  }
  return hits;
}

/**
 * The metric a unit fits: the label's own unit, a sibling with exactly this unit, or the label's
 * metric when the unit counts the same things (a 起 of disputes is a 件; check's unit families).
 */
function fitUnit(def: MetricDef, written: string, catalog: Catalog): MetricDef | undefined {
  if (isPercent(written) !== (def.type === 'percent')) return undefined;
  const unit = written.replace('/', '').replace(/^场次$/, '场');
  if (def.unit === unit || isPercent(written)) return def;
  const group = def.path.split('.')[0];
  const sibling = catalog.groups.find((g) => g.key === group)?.metrics.filter((m) => m.unit === unit && m.type !== 'percent');
  if (sibling?.length === 1) return sibling[0];
  return UNIT_FAMILIES.some((family) => family.includes(unit) && family.includes(def.unit)) ? def : undefined;
}

/** The sentence up to `at` (bounded, like the look-back). */
function sentenceBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && at - s < 200 && !/[。；;！？!?]/.test(text[s - 1]!)) s--;
  return text.slice(s, at);
}

function sentenceAround(text: string, at: number): string {
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
