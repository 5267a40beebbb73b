import type { ChapterSource, Profile } from '../model.js';

/**
 * The chapters that make the document, in outline order: the preface and the outline's chapters,
 * each id once (the first file of a repeated id; chapter-duplicate reports the others), except a
 * chapter that may span several files (themed measures), whose parts all count, in file order.
 * Unknown files are left out (chapter-unknown reports them). Compiling and the rules about the
 * compiled text read this one list.
 */
export function compiledChapters(source: { chapters: readonly ChapterSource[]; profile: Profile }): ChapterSource[] {
  const order = source.profile.chapters.map((c) => c.id);
  const rank = (c: ChapterSource) => (c.id === 'preface' ? -1 : order.indexOf(c.id!));
  const spanning = new Set(source.profile.chapters.filter((c) => c.spans).map((c) => c.id));
  const seen = new Set<string>();
  return source.chapters
    .filter((c) => c.id && (c.id === 'preface' || order.includes(c.id)))
    .sort((a, b) => rank(a) - rank(b))
    .filter((c) => spanning.has(c.id!) || (!seen.has(c.id!) && (seen.add(c.id!), true)));
}
