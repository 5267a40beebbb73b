import { loc } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

export const chapterDuplicate: Rule = {
  meta: {
    id: 'chapter-duplicate',
    category: 'outline',
    severity: 'error',
    description: loc('两个文件对应同一章（提纲允许写成几章的除外）。', 'Two files map to the same chapter (but one the outline lets span several).'),
    why: loc('一章只能有一个来源，否则内容顺序无法确定。', 'A chapter has one source; otherwise the order of its content is undefined.'),
    fix: loc('合并两个文件，或改正其中一个的 id。', 'Merge the two files, or correct the id of one.'),
    example: { bad: 'chapters/02-shortcomings.md\nchapters/02-存在的不足.md\n', good: 'chapters/02-shortcomings.md\n' },
  },
  check({ source, report }) {
    const first = new Map<string, string>();
    // A chapter that may span (themed measures: 「一、坚持党的领导……」「二、……」) has one file per part.
    const spanning = new Set(source.profile.chapters.filter((c) => c.spans).map((c) => c.id));
    for (const chapter of source.chapters) {
      if (!chapter.id || spanning.has(chapter.id)) continue;
      const earlier = first.get(chapter.id);
      if (earlier === undefined) {
        first.set(chapter.id, chapter.file);
        continue;
      }
      report({
        file: chapter.file,
        line: 1,
        column: 1,
        message: loc(`章节 id“${chapter.id}”已由 ${earlier} 使用。`, `Chapter id "${chapter.id}" is already used by ${earlier}.`),
        related: [{ file: earlier, line: 1, column: 1, message: loc('先出现的文件', 'earlier file') }],
      });
    }
  },
};
