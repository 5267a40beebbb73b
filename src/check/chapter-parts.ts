import type { ChapterSource, ProfileChapter, ReportSource } from '../model.js';

/**
 * Each outline chapter with the files written for it, in file order. A chapter that may span
 * (`spans: true`, themed measures) can have several; any other has one (chapter-duplicate says
 * which file is extra, and the first counts).
 */
export function outlineParts(source: Pick<ReportSource, 'profile' | 'chapters'>): Map<ProfileChapter, ChapterSource[]> {
  const parts = new Map<ProfileChapter, ChapterSource[]>();
  for (const node of source.profile.chapters) {
    const files = source.chapters.filter((c) => c.id === node.id);
    if (files.length > 0) parts.set(node, node.spans ? files : files.slice(0, 1));
  }
  return parts;
}
