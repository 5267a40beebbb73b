import { loc } from '../../diagnostics/diagnostic.js';
import { CHAPTERS_DIR, CONFIG_FILE } from '../../load/report.js';
import { renderTitle } from '../../compile/titles.js';
import type { Rule } from '../rule.js';

export const chapterMissing: Rule = {
  meta: {
    id: 'chapter-missing',
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
  },
  check({ source, report }) {
    const present = new Set(source.chapters.map((c) => c.id));
    for (const chapter of source.profile.chapters) {
      if (!chapter.required || present.has(chapter.id)) continue;
      const title = renderTitle(chapter.title, source.config);
      report({
        file: CHAPTERS_DIR,
        message: loc(`缺少必备章节“${title}”（id: ${chapter.id}）。`, `Missing required chapter "${title}" (id: ${chapter.id}).`),
        hint: loc(
          `新建 ${CHAPTERS_DIR}/${chapter.id}.md，或在已有文件的前置信息里写 id: ${chapter.id}。`,
          `Create ${CHAPTERS_DIR}/${chapter.id}.md, or put id: ${chapter.id} in an existing file's front matter.`,
        ),
        related: [{ file: CONFIG_FILE, line: 1, column: 1, message: loc(`提纲：${source.profile.name}`, `profile: ${source.profile.name}`) }],
      });
    }
  },
};
