import { loc } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

export const chapterOrder: Rule = {
  meta: {
    id: 'chapter-order',
    category: 'outline',
    severity: 'warning',
    description: loc('章节文件的顺序与提纲的顺序不一致。', 'The chapter files are not in the order of the outline.'),
    why: loc(
      '输出按提纲排序，与文件名的顺序不同时，审阅者在 git 里看到的顺序就不是印出来的顺序。',
      'Outputs follow the outline; when file names sort otherwise, reviewers read the sources in a different order than the printed report.',
    ),
    fix: loc(
      '调整文件名前的序号（01-、02-……）使之与提纲一致；确实要按本地要求排序时，用自定义提纲，或在 lawreport.yaml 的 rules 中关闭本规则。',
      'Renumber the file name prefixes (01-, 02-, …) to follow the outline; if a local template orders chapters otherwise, use a custom profile or turn the rule off in lawreport.yaml rules.',
    ),
    example: { bad: 'chapters/01-first-responsible.md\nchapters/02-measures.md\n', good: 'chapters/01-measures.md\nchapters/03-first-responsible.md\n' },
  },
  check({ source, report }) {
    const order = source.profile.chapters.map((c) => c.id);
    let latest: { index: number; file: string; id: string } | undefined;
    for (const chapter of source.chapters) {
      const index = chapter.id ? order.indexOf(chapter.id) : -1;
      if (index < 0) continue; // the preface and unknown files have no place in the order
      if (latest && index < latest.index) {
        report({
          file: chapter.file,
          line: 1,
          column: 1,
          message: loc(
            `“${chapter.id}”的文件排在“${latest.id}”之后，提纲中它却在前；输出按提纲的顺序。`,
            `The file of "${chapter.id}" sorts after "${latest.id}", which the outline puts after it; outputs follow the outline.`,
          ),
          hint: loc('调整文件名前的序号，使文件顺序与提纲一致。', 'Renumber the file name prefixes to follow the outline.'),
          related: [{ file: latest.file, line: 1, column: 1, message: loc('排在前面的文件', 'the file sorted before it') }],
        });
        continue;
      }
      latest = { index, file: chapter.file, id: chapter.id! };
    }
  },
};
