import { loc } from '../../diagnostics/diagnostic.js';
import { renderTitle } from '../../profile/title.js';
import { outlineParts } from '../chapter-parts.js';
import type { Rule } from '../rule.js';

export const chapterPartUntitled: Rule = {
  meta: {
    id: 'chapter-part-untitled',
    category: 'outline',
    severity: 'warning',
    description: loc('写成几章的一章（如按主题写的主要举措），有两部分都没有自己的标题。', 'A chapter written as several (themed measures) has two parts without a title of their own.'),
    why: loc(
      '每个部分单独编号成章；没有标题的部分会再印一次提纲的标题，读者看到两个同名的章。',
      'Each part is numbered as a chapter; a part without a title prints the outline\'s title again, so readers see two chapters of the same name.',
    ),
    fix: loc('在这个文件开头写“# 标题”或在前置信息里写 title:。', 'Start the file with "# Title" or put title: in its front matter.'),
    example: {
      bad: 'chapters/01-measures-1.md  (没有标题)\nchapters/01-measures-2.md  (没有标题)\n',
      good: 'chapters/01-measures-1.md  (# 坚持党的领导)\nchapters/01-measures-2.md  (# 优化法治化营商环境)\n',
    },
  },
  check({ source, report }) {
    for (const [node, parts] of outlineParts(source)) {
      if (parts.length < 2) continue;
      // One part may print the outline's title; a second one without a title would repeat it.
      for (const part of parts.filter((p) => !p.title).slice(1)) {
        report({
          file: part.file,
          line: 1,
          column: 1,
          message: loc(
            `“${renderTitle(node.title, source.config)}”写成了 ${parts.length} 章，${part.file} 没有自己的标题，会再印一次提纲的标题。`,
            `"${renderTitle(node.title, source.config)}" is written as ${parts.length} chapters; ${part.file} has no title of its own and prints the outline's title again.`,
          ),
          hint: loc('在文件开头写“# 标题”，或在前置信息里写 title:。', 'Start the file with "# Title", or put title: in its front matter.'),
        });
      }
    }
  },
};
