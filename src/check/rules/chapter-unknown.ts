import { loc } from '../../diagnostics/diagnostic.js';
import { nearest } from '../../diagnostics/suggest.js';
import { chapterStem } from '../../load/chapter-file.js';
import type { Rule } from '../rule.js';

export const chapterUnknown: Rule = {
  meta: {
    id: 'chapter-unknown',
    category: 'outline',
    severity: 'warning',
    description: loc('章节文件对应不到提纲中的任何一章。', 'A chapter file matches no chapter of the outline.'),
    why: loc(
      '章节的标题和顺序来自提纲；对应不上的一章照样印进输出（按文件顺序排在前一个文件的那一章之后，一起编号，用它自己的标题），但提纲不知道它是什么，缺章检查也不算它；这也常常是文件名写错了。',
      'Chapter titles and order come from the outline; a chapter that matches none is printed all the same (after the chapter of the file before it, numbered with the others, under its own title), but the outline cannot tell what it is and the missing-chapter checks do not count it; often it is a typo in the file name.',
    ),
    fix: loc(
      '把文件名改为“序号-章节id.md”，或在文件开头写前置信息 id: …；不需要的文件移出 chapters/。',
      'Rename the file to "NN-chapter-id.md" or add front matter id: …; move files you do not need out of chapters/.',
    ),
    example: { bad: 'chapters/05-qita.md\n', good: 'chapters/05-other.md\n' },
  },
  check({ source, report }) {
    const ids = source.profile.chapters.map((c) => c.id);
    for (const chapter of source.chapters) {
      if (chapter.id === 'preface' || (chapter.id && ids.includes(chapter.id))) continue;
      const written = chapter.id ?? chapterStem(chapter.file);
      const guess = nearest(written, ids);
      report({
        file: chapter.file,
        line: 1,
        column: 1,
        message: loc(
          `章节“${written}”不在提纲“${source.profile.name}”中；它照样印进输出，排在前一个文件的那一章之后。`,
          `Chapter "${written}" is not in the outline "${source.profile.name}"; it is printed all the same, after the chapter of the file before it.`,
        ),
        hint: guess
          ? loc(`是不是“${guess}”？提纲的章节 id：${ids.join('、')}`, `Did you mean "${guess}"? Outline chapter ids: ${ids.join(', ')}`)
          : loc(`提纲的章节 id：${ids.join('、')}；开头的引言用 id: preface。`, `Outline chapter ids: ${ids.join(', ')}; an opening preface uses id: preface.`),
      });
    }
  },
};
