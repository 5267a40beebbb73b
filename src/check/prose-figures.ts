import type { MetricDef } from '../model.js';
import { ratePercent } from '../rate.js';
import { templateContext } from '../template/context.js';
import { evaluateExpression } from '../template/evaluate.js';
import { createHelpers } from '../template/helpers.js';
import type { RuleSource } from './rule.js';
import { decimalsOf, figure, rateHolds, type Figure } from './figures.js';
import { HIDDEN, type Mustache, type ProseBlock } from './prose.js';
import type { SourceViews } from './views.js';

/** A number the prose states next to a metric's label or alias ("调解成功66件", "化解率95%"). */
export interface ProseFigure {
  block: ProseBlock;
  metric: MetricDef;
  /** The label or alias as written, and where. */
  label: string;
  labelStart: number;
  /** The number as written ("94.5") and its value. */
  written: string;
  value: number;
  /** File offsets of the number (a {{…}} reference: the whole reference). */
  start: number;
  end: number;
  /** Set when the number comes from a template reference rather than being written out. */
  template?: { mustache: Mustache };
  /** The stated change over last year that follows it in the same clause ("同比上升84.15%"). */
  change?: { sign: 1 | -1; written: string; value: number; start: number; end: number };
}

/** Units that count the same things (a 起 of disputes is a 件). */
export const UNIT_FAMILIES = [['件', '宗', '起', '单'], ['次', '场', '期', '轮'], ['名', '人', '位'], ['个', '家', '所', '处'], ['份', '册'], ['本'], ['人次'], ['件次'], ['批']];
/** Between a label and its number: Chinese words only, at most this many characters. */
const MAX_GAP = 8;
/** A clause ends here; a label's number never lies beyond. */
const BOUNDARY = /[，。；：、！？,;:\n（）()《》“”]/;
/**
 * Words that make what follows in the sentence a part of the whole the metric counts:
 * "安全生产领域立案51宗，结案38宗", "共联动调处矛盾纠纷36起", "各村居法律顾问提供法律服务392件次".
 */
export const SUBSET = /其中|领域|专项|联动|各村|村居|村（居）|行业|分别/;
const SENTENCE_END = /[。；;！？!?\n]/;
/** Words after which a number is a change or a comparison, not the labelled figure. */
export const COMPARISON = /同比|环比|较上年|比上年|增长|下降|上升|减少|提高|降低|其中/;
const CHANGE = /^[，,]?\s*(?:同比|较上年|比上年)(上升|增长|增加|提高|下降|减少|降低)了?(\d+(?:\.\d+)?)(?:%|个百分点)/;

/** Names the figures of a report among the views of its run. */
const PROSE_FIGURES = Symbol('prose figures');

/** The value a metric has for checking: from metrics.yaml, or a rate computed from its parts. */
export function metricValue(source: RuleSource, path: string): { value: number; figures: Figure[]; computed: boolean } | undefined {
  const own = figure(source, path);
  if (own) return { value: own.value, figures: [own], computed: false };
  const rate = source.catalog.relations.find((r) => r.kind === 'rate' && r.rate === path);
  if (rate?.kind !== 'rate') return undefined;
  const n = figure(source, rate.numerator);
  const d = figure(source, rate.denominator);
  const value = n && d ? ratePercent(n.value, d.value) : undefined;
  if (value === undefined) return undefined;
  return { value, figures: [n!, d!], computed: true };
}

/** Every figure stated in the chapters next to a label, found once per run. */
export function proseFigures(source: RuleSource, views: SourceViews): ProseFigure[] {
  return views.memo(PROSE_FIGURES, () => {
    const terms = labelTerms(source);
    const filling: Filling = { data: templateContext(source), helpers: createHelpers(source.catalog), source };
    const found: ProseFigure[] = [];
    for (const chapter of source.chapters) {
      for (const block of views.prose(chapter)) found.push(...inBlock(source, block, terms, filling));
    }
    return found;
  });
}

/** How the template fills an expression, for reading the prose as the reader will. */
interface Filling {
  data: Record<string, unknown>;
  helpers: ReturnType<typeof createHelpers>;
  source: RuleSource;
}

interface Terms {
  pattern: RegExp;
  metrics: Map<string, MetricDef[]>;
}

function labelTerms(source: RuleSource): Terms {
  const metrics = new Map<string, MetricDef[]>();
  for (const def of source.catalog.byPath.values()) {
    for (const term of new Set([def.label, ...def.aliases])) {
      if (term.length < 2) continue;
      metrics.set(term, [...(metrics.get(term) ?? []), def]);
    }
  }
  const sorted = [...metrics.keys()].sort((a, b) => b.length - a.length);
  // Longest first, so 调解成功率 wins over 调解成功; an empty catalog matches nothing (never "").
  const pattern = sorted.length === 0 ? /(?!)/g : new RegExp(sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return { pattern, metrics };
}

/** The block's prose with each {{…}} figure filled in, and where each character came from. */
function filled(filling: Filling, block: ProseBlock) {
  let text = '';
  const origin: number[] = [];
  const from: (Mustache | undefined)[] = [];
  const push = (c: string, at: number, mustache?: Mustache) => {
    text += c;
    origin.push(at);
    from.push(mustache);
  };
  let i = 0;
  const copyTo = (end: number) => {
    for (; i < end; i++) push(block.text[i]!, block.start + i);
  };
  for (const m of block.mustaches) {
    copyTo(m.start - block.start);
    for (const c of evaluateExpression(m.source, filling.data, filling.source.catalog, filling.helpers) ?? HIDDEN) push(c, m.start, m);
    i = m.end - block.start;
  }
  copyTo(block.text.length);
  origin.push(block.start + block.text.length);
  return { text, origin, from };
}

function unitFits(def: MetricDef, after: string): boolean {
  if (def.type === 'percent') return after.startsWith('%');
  if (after.startsWith('%')) return false;
  const family = UNIT_FAMILIES.find((f) => f.includes(def.unit)) ?? [def.unit];
  const written = writtenUnit(after);
  return written !== undefined && family.includes(written);
}

/** The unit a number is written with; 人次 is not 人, so the longest one. */
function writtenUnit(after: string): string | undefined {
  return UNIT_FAMILIES.flat().filter((u) => after.startsWith(u)).sort((a, b) => b.length - a.length)[0];
}

function inBlock(source: RuleSource, block: ProseBlock, terms: Terms, filling: Filling): ProseFigure[] {
  const view = filled(filling, block);
  const text = view.text;
  const labels: { term: string; start: number; end: number }[] = [];
  terms.pattern.lastIndex = 0;
  for (let m = terms.pattern.exec(text); m; m = terms.pattern.exec(text)) labels.push({ term: m[0], start: m.index, end: m.index + m[0].length });

  const out: ProseFigure[] = [];
  labels.forEach((label, k) => {
    const limit = Math.min(text.length, labels[k + 1]?.start ?? text.length, label.end + MAX_GAP + 1);
    let j = label.end;
    while (j < limit && !/\d/.test(text[j]!) && !BOUNDARY.test(text[j]!)) j++;
    if (j >= limit || !/\d/.test(text[j]!)) return;
    const gap = text.slice(label.end, j);
    // A sub-category ("其中安全生产领域立案51宗") is not the labelled total.
    const sentence = text.slice(0, label.start).split(SENTENCE_END).pop() ?? '';
    if (SUBSET.test(sentence)) return;
    if (COMPARISON.test(gap) || gap.includes(HIDDEN)) return;
    const number = /^\d+(?:\.\d+)?/.exec(text.slice(j))![0];
    const end = j + number.length;
    // An ordinal, a document or phone number, a date: never a figure.
    if (/[第〕\]号-]/.test(text[j - 1] ?? '') || /^[\d.]/.test(text[end] ?? '') || /^(?:年|月|日|号|时|分|岁|条|款)/.test(text.slice(end))) return;
    const after = text.slice(end);
    const candidates = terms.metrics.get(label.term)!.filter((def) => unitFits(def, after));
    const metric = candidates[0];
    if (!metric || candidates.length > 1) return; // one meaning only: never guess
    const mustache = view.from[j];
    const figureStart = view.origin[j]!;
    const figureEnd = mustache ? mustache.end : view.origin[end]!;
    const stated: ProseFigure = {
      block,
      metric,
      label: label.term,
      labelStart: view.origin[label.start]!,
      written: number,
      value: Number(number),
      start: figureStart,
      end: figureEnd,
      ...(mustache ? { template: { mustache } } : {}),
    };
    const unitLength = metric.type === 'percent' ? 1 : (writtenUnit(after)?.length ?? 0);
    const tail = text.slice(end + unitLength);
    const change = CHANGE.exec(tail);
    const cStart = change ? end + unitLength + change[0].indexOf(change[2]!) : -1;
    // A change written out by hand (a template-computed one is the template's business).
    if (change && view.from[cStart] === undefined) {
      stated.change = {
        sign: /上升|增长|增加|提高/.test(change[1]!) ? 1 : -1,
        written: change[2]!,
        value: Number(change[2]),
        start: view.origin[cStart]!,
        end: view.origin[cStart + change[2]!.length]!,
      };
    }
    out.push(stated);
  });
  return out;
}

/**
 * The figures written out literally in the prose whose metric has a value, with whether they
 * agree (counts exactly, rates at the decimal places written): what both prose-figure rules judge.
 */
export function* literalFigures(source: RuleSource, views: SourceViews): Generator<{ stated: ProseFigure; known: NonNullable<ReturnType<typeof metricValue>>; agrees: boolean }> {
  for (const stated of proseFigures(source, views)) {
    // A {{…}} reference is right by construction; which metric it names is the writer's call.
    if (stated.template) continue;
    const known = metricValue(source, stated.metric.path);
    if (!known) continue;
    const agrees = stated.metric.type === 'percent'
      ? rateHolds(stated.value, known.value, decimalsOf(stated.written))
      : Math.abs(stated.value - known.value) < 1e-9;
    yield { stated, known, agrees };
  }
}
