import type { ChapterSource, Profile } from '../model.js';

/**
 * The chapters that make the document, in order: the preface, then the outline's chapters in
 * outline order, each id once (the first file of a repeated id; chapter-duplicate reports the
 * others), except a chapter that may span several files (themed measures), whose parts all
 * count, in file order.
 *
 * A chapter the outline does not know (an imported 「总体情况」 overview, a file whose name says
 * no id) is printed all the same, never left out: right after the chapter whose file comes
 * before it in file order (after the preface when none does), numbered in that sequence like the
 * others, under the title it writes. chapter-unknown says so. Compiling and the rules about the
 * compiled text read this one list.
 */
export function compiledChapters(source: { chapters: readonly ChapterSource[]; profile: Profile }): ChapterSource[] {
  const order = source.profile.chapters.map((c) => c.id);
  const known = (c: ChapterSource) => c.id === 'preface' || (c.id !== undefined && order.includes(c.id));
  const rank = (c: ChapterSource) => (c.id === 'preface' ? -1 : order.indexOf(c.id!));
  const spanning = new Set(source.profile.chapters.filter((c) => c.spans).map((c) => c.id));
  const seen = new Set<string>();
  const kept = source.chapters.filter((c) => !known(c) || spanning.has(c.id!) || (!seen.has(c.id!) && (seen.add(c.id!), true)));

  // Each unknown chapter follows the known one before it in file order (undefined: none before it).
  const following = new Map<ChapterSource | undefined, ChapterSource[]>();
  let before: ChapterSource | undefined;
  for (const c of kept) {
    if (known(c)) before = c;
    else following.set(before, [...(following.get(before) ?? []), c]);
  }
  const outline = kept.filter(known).sort((a, b) => rank(a) - rank(b));
  const out: ChapterSource[] = [];
  const leading = following.get(undefined) ?? [];
  if (outline[0]?.id !== 'preface') out.push(...leading);
  for (const c of outline) {
    out.push(c, ...(following.get(c) ?? []));
    if (c.id === 'preface') out.push(...leading);
  }
  return out;
}
