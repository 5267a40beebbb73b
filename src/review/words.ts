import { diffArrays } from 'diff';

/** A piece of a sentence: in both versions, or only in the new one (added) or the old one (removed). */
export interface Part {
  text: string;
  change?: 'added' | 'removed';
}

/** A sentence as a reviewer reads it: whole, with what changed in it marked. */
export type Sentence = Part[];

/**
 * Past this many edits (tokens added plus removed) between two runs of paragraphs, the old and
 * the new text are shown whole, one after the other: the word diff costs (length × edits), and a
 * rewrite that large reads better whole anyway.
 */
const MAX_EDITS = 2000;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Chinese words (Intl.Segmenter's dictionary), numbers whole ("97.06"), punctuation one by one. */
export function words(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The sentences that changed between two versions of a chapter's printed paragraphs. Paragraphs
 * are matched first (unchanged ones cost nothing more); each run of changed paragraphs is then
 * compared word by word, and the result is cut into sentences, so a change is shown inside the
 * whole sentence it belongs to, never as a lone word.
 */
export function changedSentences(before: readonly string[], after: readonly string[]): Sentence[] {
  const parts: Part[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length > 0 || added.length > 0) parts.push(...wordDiff(removed.join('\n'), added.join('\n')), { text: '\n' });
    removed = [];
    added = [];
  };
  // Paragraphs past the bound (a chapter rewritten whole) are compared as one run, then word by word within the same bound.
  for (const run of diffArrays([...before], [...after], { maxEditLength: MAX_EDITS }) ?? [{ value: [...before], removed: true, added: false, count: before.length }, { value: [...after], added: true, removed: false, count: after.length }]) {
    if (run.removed) removed.push(...run.value);
    else if (run.added) added.push(...run.value);
    else flush();
  }
  flush();
  return sentences(parts).filter((s) => s.some((p) => p.change));
}

/** The word diff of two texts, as parts; both whole (old removed, new added) past MAX_EDITS. */
function wordDiff(before: string, after: string): Part[] {
  if (before === '') return [{ text: after, change: 'added' }];
  if (after === '') return [{ text: before, change: 'removed' }];
  const runs = diffArrays(words(before), words(after), { maxEditLength: MAX_EDITS });
  if (!runs) return [{ text: before, change: 'removed' }, { text: after, change: 'added' }];
  return runs.map((run) => ({ text: run.value.join(''), ...(run.added ? { change: 'added' as const } : run.removed ? { change: 'removed' as const } : {}) }));
}

/** Where a sentence ends: 。！？； (and ! ? ;), with the closing quotes and brackets that follow it. */
const STOP = /[。！？；!?;][”’」』）)]*/g;

/** Parts cut into sentences: after a full stop (in whichever version it stands) and at a paragraph's end. */
export function sentences(parts: readonly Part[]): Sentence[] {
  const out: Sentence[] = [];
  let current: Part[] = [];
  const end = () => {
    if (current.some((p) => p.text.trim() !== '')) out.push(current);
    current = [];
  };
  for (const part of parts) {
    for (const [i, line] of part.text.split('\n').entries()) {
      if (i > 0) end();
      let from = 0;
      for (const stop of line.matchAll(STOP)) {
        const to = stop.index + stop[0].length;
        current.push({ ...part, text: line.slice(from, to) });
        from = to;
        end();
      }
      if (from < line.length) current.push({ ...part, text: line.slice(from) });
    }
  }
  end();
  return out.map(merge);
}

/** Neighbouring parts of the same kind as one. */
function merge(sentence: Sentence): Sentence {
  const out: Part[] = [];
  for (const part of sentence) {
    const last = out.at(-1);
    if (last && last.change === part.change) last.text += part.text;
    else if (part.text !== '') out.push({ ...part });
  }
  return out;
}
