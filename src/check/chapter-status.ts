import type { ChapterSource, ReportSource } from '../model.js';
import { matchTitles } from '../profile/match.js';
import { renderTitle } from '../profile/title.js';
import { chapterOutline, type ChapterOutline } from './chapter-outline.js';
import { outlineParts } from './chapter-parts.js';

/**
 * What a reader of many reports asks of each outline chapter: written; a file with nothing in it
 * (chapter-empty); not a chapter of its own but a sub-section of another (「（三）第一责任人履职情况」
 * inside the measures); or not there at all (chapter-missing when it is required).
 */
export type ChapterState = 'present' | 'empty' | 'section' | 'missing';

export interface ChapterStatus {
  id: string;
  /** The outline's title for this report's year. */
  title: string;
  /** The outline's short name for headers, or the title. */
  short: string;
  required: boolean;
  state: ChapterState;
  /** The files written for it (several for a chapter written in parts). */
  files: string[];
  /** state 'section': the heading of another chapter that covers it. */
  section?: { file: string; line: number; heading: string };
}

/**
 * The state of every chapter of the report's outline, in outline order, from what the outline
 * rules read: the chapters matched to the outline (by id, front matter or meaning, not by file
 * name alone) and each chapter's headings.
 */
export function chapterStatuses(
  source: Pick<ReportSource, 'profile' | 'chapters' | 'config'>,
  outline: (chapter: ChapterSource) => ChapterOutline = chapterOutline,
): ChapterStatus[] {
  const parts = outlineParts(source);
  return source.profile.chapters.map((node) => {
    const title = renderTitle(node.title, source.config);
    const base = { id: node.id, title, short: node.short ?? title, required: node.required };
    const files = parts.get(node) ?? [];
    if (files.length > 0) {
      return { ...base, state: files.some((f) => outline(f).hasContent) ? 'present' : 'empty', files: files.map((f) => f.file) };
    }
    for (const chapter of source.chapters) {
      // Strict: the heading must contain the chapter's title or a variant, not merely be inside it.
      const heading = outline(chapter).headings.find((h) => matchTitles([node], h.text, true).length > 0);
      if (heading) return { ...base, state: 'section', files: [], section: { file: chapter.file, line: heading.line, heading: heading.text } };
    }
    return { ...base, state: 'missing', files: [] };
  });
}
