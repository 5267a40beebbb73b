import { figureReference, FigureTerms, findFigures, sentenceAround, type FigureHit } from '../figures/find.js';
import type { Catalog } from '../model.js';
import { matchForm } from './match-form.js';
import type { Segment } from './markdown-out.js';
import type { ImportedFigure } from './metrics-out.js';
import type { Block } from './structure.js';

/** A hit of the figure finder, at offsets of the block's text as written. */
type WrittenHit = FigureHit & { sentence: string };

/**
 * The figures of the whole report in reading order (metrics.yaml gets a metric's first value
 * said of the whole; a different value is only quoted), and each block's text as
 * segments: with `template`, a figure whose value is the metric's becomes its reference.
 * Figures are found on the match form (a traditional-character report has figures too) and
 * placed back on the text as written.
 */
export function collectFigures(blocks: Block[], catalog: Catalog, template: boolean) {
  const figures: ImportedFigure[] = [];
  const values = new Map<string, number>();
  const hitsOf = new Map<Block, WrittenHit[]>();
  const all: { hit: WrittenHit; line: number }[] = [];
  const terms = new FigureTerms();
  for (const block of blocks) {
    const form = matchForm(block.text);
    const hits = findFigures(form.text, catalog, { terms }).map((h) => {
      const start = form.at[h.start]!;
      return { ...h, start, numberEnd: form.at[h.numberEnd]!, end: form.at[h.end]!, labelStart: form.at[h.labelStart]!, sentence: sentenceAround(block.text, start) };
    });
    hitsOf.set(block, hits);
    all.push(...hits.map((hit) => ({ hit, line: block.line })));
  }
  // A metric's value: its first mention about the whole; one about a part only when there is no other.
  for (const { hit } of [...all.filter((h) => !h.hit.part), ...all.filter((h) => h.hit.part)]) {
    if (!values.has(hit.def.path)) values.set(hit.def.path, hit.value);
  }
  for (const { hit, line } of all) {
    figures.push({ path: hit.def.path, value: hit.value, line, sentence: hit.sentence, used: values.get(hit.def.path) === hit.value });
  }

  const segmentsOf = (block: Block): Segment[] => {
    const segments: Segment[] = [];
    let pos = 0;
    for (const hit of template ? (hitsOf.get(block) ?? []) : []) {
      // A brace or backslash right beside a reference would merge with its braces: keep the literal.
      const fenced = /[{\\]$/.test(block.text.slice(0, hit.start)) || block.text[hit.end] === '}';
      // The written number must read as the finder read it (a traditional or full-width form does not).
      const asWritten = block.text.slice(hit.start, hit.numberEnd) === hit.number;
      const ref = values.get(hit.def.path) === hit.value && !fenced && asWritten ? figureReference(hit) : undefined;
      if (!ref) continue;
      segments.push({ text: block.text.slice(pos, hit.start) }, { ref });
      pos = hit.end;
    }
    segments.push({ text: block.text.slice(pos) });
    return segments.filter((s) => !('text' in s) || s.text !== '');
  };
  return { figures, segmentsOf };
}
