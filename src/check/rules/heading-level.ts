import type { Heading } from 'mdast';
import { loc } from '../../diagnostics/diagnostic.js';
import { leadingTitleNode } from '../../markdown/leading-title.js';
import { compiledChapters } from '../../load/chapter-order.js';
import type { Rule, RuleSource } from '../rule.js';

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
    for (const { file, heading, at } of bodyHeadings(source)) {
      if (heading.depth !== 1) continue;
      report({
        ...at,
        file,
        message: loc('章节正文中的一级标题（#）按二级标题（##）处理；章节标题由提纲给出。', 'A level-1 heading (#) inside a chapter body is treated as ## ; the outline gives chapter titles.'),
        hint: loc('把“#”改为“##”。', 'Change "#" to "##".'),
      });
    }
  },
};

/** The headings of the chapters that are compiled, as written in their sources (a chapter's own title left out). */
export function* bodyHeadings(source: RuleSource): Generator<{ file: string; heading: Heading; at: { line: number; column: number } }> {
  for (const chapter of compiledChapters(source)) {
    if (!chapter.tree) continue;
    const title = leadingTitleNode(chapter.tree);
    for (const node of chapter.tree.children) {
      if (node.type !== 'heading' || node === title) continue;
      yield { file: chapter.file, heading: node, at: { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 } };
    }
  }
}
