import type { MetricDef } from '../model.js';
import { ratePercent } from '../rate.js';
import { templateContext } from '../template/context.js';
import { evaluateExpression, evaluateStatement } from '../template/evaluate.js';
import { createHelpers } from '../template/helpers.js';
import { decimalsOf, figure, rateHolds, type Figure } from './figures.js';
import { findFigures } from '../figures/find.js';
import { HIDDEN, type Mustache, type ProseBlock } from './prose.js';
import type { RuleSource } from './rule.js';
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

/** Every figure stated in the chapters next to a label, parsed once per report. */
export function proseFigures(source: RuleSource, views: SourceViews): ProseFigure[] {
  return views.memo(PROSE_FIGURES, () => {
    const filling: Filling = { data: templateContext(source), helpers: createHelpers(source.catalog), source, views };
    const found: ProseFigure[] = [];
    for (const chapter of source.chapters) {
      for (const block of views.prose(chapter)) found.push(...inBlock(source, block, filling));
    }
    return found;
  });
}

/** How the template fills an expression, for reading the prose as the reader will. */
interface Filling {
  data: Record<string, unknown>;
  helpers: ReturnType<typeof createHelpers>;
  source: RuleSource;
  views: SourceViews;
}

/**
 * The block's prose with each {{…}} figure filled in, and where each character came from: one
 * entry of `origin` and `from` per UTF-16 unit of copied prose, per code point of a filled figure.
 * Built from slices: a text built a character at a time was a fifth of what checking the figures cost.
 */
function filled(filling: Filling, block: ProseBlock) {
  const parts: string[] = [];
  const origin: number[] = [];
  const from: (Mustache | undefined)[] = [];
  let i = 0;
  const copyTo = (end: number) => {
    if (end > i) parts.push(block.text.slice(i, end));
    for (; i < end; i++) {
      origin.push(block.start + i);
      from.push(undefined);
    }
  };
  for (const m of block.mustaches) {
    copyTo(m.start - block.start);
    const parsed = filling.views.expression(block.chapter, m.start);
    const printed = parsed ? evaluateStatement(parsed, filling.data, filling.helpers) : evaluateExpression(m.source, filling.data, filling.source.catalog, filling.helpers);
    const shown = printed ?? HIDDEN;
    parts.push(shown);
    for (const _ of shown) {
      origin.push(m.start);
      from.push(m);
    }
    i = m.end - block.start;
  }
  copyTo(block.text.length);
  origin.push(block.start + block.text.length);
  return { text: parts.join(''), origin, from };
}

/** The prose figures of one block: the shared finder over the text with its {{…}} filled in. */
function inBlock(source: RuleSource, block: ProseBlock, filling: Filling): ProseFigure[] {
  const view = filled(filling, block);
  const text = view.text;
  const out: ProseFigure[] = [];
  for (const hit of findFigures(text, source.catalog, { hidden: HIDDEN, terms: filling.views.figureTerms })) {
    // A sub-category (「其中安全生产领域立案51宗」) is not the labelled total.
    if (hit.part) continue;
    const mustache = view.from[hit.start];
    const stated: ProseFigure = {
      block,
      metric: hit.def,
      label: hit.label,
      labelStart: view.origin[hit.labelStart]!,
      written: hit.number,
      value: hit.value,
      start: view.origin[hit.start]!,
      end: mustache ? mustache.end : view.origin[hit.numberEnd]!,
      ...(mustache ? { template: { mustache } } : {}),
    };
    const change = CHANGE.exec(text.slice(hit.end));
    const cStart = change ? hit.end + change[0].indexOf(change[2]!) : -1;
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
  }
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
