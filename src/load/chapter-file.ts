/** What makes a file in chapters/ a chapter, and what its name says: the one home of the naming rule. */
export const CHAPTERS_DIR = 'chapters';

const EXTENSION = /\.(md|markdown)$/i;

export function isChapterFile(name: string): boolean {
  return EXTENSION.test(name);
}

/** "chapters/01-measures.md" or "01-measures.md" → "measures": the name without folder, extension and order prefix. */
export function chapterStem(file: string): string {
  return file.replace(/^.*\//, '').replace(EXTENSION, '').replace(/^\d+[-_. ]*/, '');
}

/** The file a chapter of the outline gets: chapters/01-measures.md (init, import and the hints of chapter-missing). */
export function chapterFileName(index: number, id: string): string {
  return `${CHAPTERS_DIR}/${String(index).padStart(2, '0')}-${id}.md`;
}
