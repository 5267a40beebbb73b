import type { Heading } from 'mdast';
import { loc } from '../../diagnostics/diagnostic.js';
import { leadingTitleNode } from '../../markdown/leading-title.js';
import { compiledChapters } from '../../load/chapter-order.js';
import type { Rule } from '../rule.js';

export const headingLevel: Rule = {
  meta: {
    id: 'heading-level',
    category: 'markdown',
    severity: 'warning',
    description: loc('章节正文里用了一级标题（#）。', 'A level-1 heading (#) inside a chapter body.'),
    why: loc('章标题由提纲给出，正文中的小节从 ## 开始，编号为「（一）」。', 'The outline gives chapter titles; body sections start at ## and are numbered 「（一）」.'),
    fix: loc('把“#”改为“##”。', 'Change "#" to "##".'),
    example: { bad: '正文。\n\n# 加强执法监督\n', good: '正文。\n\n## 加强执法监督\n' },
  },
  check({ source, report }) {
    for (const chapter of compiledChapters(source)) {
      if (!chapter.tree) continue;
      const title = leadingTitleNode(chapter.tree);
      for (const node of chapter.tree.children) {
        if (node.type !== 'heading' || node.depth !== 1 || node === title) continue;
        report({
          ...at(chapter.file, node),
          message: loc('章节正文中的一级标题（#）按二级标题（##）处理；章节标题由提纲给出。', 'A level-1 heading (#) inside a chapter body is treated as ## ; the outline gives chapter titles.'),
          hint: loc('把“#”改为“##”。', 'Change "#" to "##".'),
        });
      }
    }
  },
};

export function at(file: string, node: Heading) {
  return { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
