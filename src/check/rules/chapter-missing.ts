import { loc } from '../../diagnostics/diagnostic.js';
import { chapterFileName } from '../../load/chapter-file.js';
import { CONFIG_FILE } from '../../load/report.js';
import { positionOf } from '../../source/yaml.js';
import { renderTitle } from '../../profile/title.js';
import type { Rule } from '../rule.js';

export const chapterMissing: Rule = {
  meta: {
    id: 'chapter-missing',
    category: 'outline',
    severity: 'error',
    description: loc('缺少提纲要求的章节。', 'A chapter the outline requires is missing.'),
    why: loc(
      '《法治政府建设与责任落实督察工作规定》规定了年度报告必须包含的内容，缺一章的报告会被退回。',
      'The 2019 supervision rules fix what the annual report contains; a report missing a chapter is sent back.',
    ),
    fix: loc(
      '在 chapters/ 下新建该章的 Markdown 文件（文件名或前置信息 id: 写明章节 id）。',
      'Create the chapter\'s Markdown file under chapters/ (its file name or front matter id: names the chapter id).',
    ),
    example: { bad: 'chapters/\n  01-measures.md\n  02-shortcomings.md\n  04-next-year.md\n', good: 'chapters/\n  01-measures.md\n  02-shortcomings.md\n  03-first-responsible.md\n  04-next-year.md\n' },
  },
  check({ source, report }) {
    const present = new Set(source.chapters.map((c) => c.id));
    source.profile.chapters.forEach((chapter, index) => {
      if (!chapter.required || present.has(chapter.id)) return;
      const file = chapterFileName(index + 1, chapter.id);
      const title = renderTitle(chapter.title, source.config);
      // The file that is not there has no line: point at the profile the requirement comes from.
      report({
        file: CONFIG_FILE,
        ...positionOf(source.configDoc, '/profile', 'key'),
        message: loc(`缺少必备章节“${title}”（id: ${chapter.id}）。`, `Missing required chapter "${title}" (id: ${chapter.id}).`),
        hint: loc(
          `新建 ${file}，或在已有文件的前置信息里写 id: ${chapter.id}。`,
          `Create ${file}, or put id: ${chapter.id} in an existing file's front matter.`,
        ),
        ...(chapter.origin
          ? { related: [{ ...chapter.origin, message: loc(`提纲“${source.profile.name}”中的定义`, `defined in the profile "${source.profile.name}"`) }] }
          : {}),
      });
    });
  },
};
