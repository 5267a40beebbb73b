import { loc } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

export const chapterEmpty: Rule = {
  meta: {
    id: 'chapter-empty',
    category: 'outline',
    severity: 'error',
    description: loc('章节文件没有正文（只有标题、注释或什么都没有）。', 'A chapter file has no text (only headings, comments or nothing).'),
    why: loc(
      '空的章节会以一个孤零零的标题印进公文；建好文件却没写，是最容易漏掉的一种缺章。',
      'An empty chapter prints as a bare heading; a file created but never written is the easiest missing chapter to overlook.',
    ),
    fix: loc('写上这一章的内容；可选的章节没有内容就删掉文件。', 'Write the chapter; delete the file of an optional chapter you have nothing for.'),
    example: { bad: '---\nid: shortcomings\n---\n\n## 存在的不足\n', good: '---\nid: shortcomings\n---\n\n法治宣传的针对性还不够强……\n' },
  },
  check({ source, views, report }) {
    for (const chapter of source.chapters) {
      if (!chapter.id) continue; // chapter-unknown speaks about files outside the outline
      const outline = views.outline(chapter);
      if (outline.hasContent) continue;
      report({
        file: chapter.file,
        ...outline.first,
        message: loc(`章节“${chapter.id}”没有正文。`, `Chapter "${chapter.id}" has no text.`),
        hint: loc('写上这一章的内容，或删去不需要的可选章节文件。', 'Write the chapter, or delete the file of an optional chapter.'),
      });
    }
  },
};
