import { loc } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { IMPORT } from './diagnostics.js';

// What import says about the chapter structure it found (raised by import-report.ts). A file of
// their own so that the diagnostic registry, which check loads, does not load the importer
// (its readers, opencc's tables, mammoth): ≈ 1 MB of code check never runs.

export const importNoChapters = defineDiagnostic({
  ...IMPORT,
  id: 'import-no-chapters',
  severity: 'error',
  description: loc('没有找到带编号的章节标题。', 'No numbered chapter headings were found.'),
  why: loc('章节是报告的骨架，没有章节就不是年度报告。', 'Chapters are the report\'s frame; without them it is not an annual report.'),
  fix: loc('确认文件是报告正文；章节标题以“一、”开头，或用 Word 的“标题 1”样式。', 'Check the file is the report; chapter headings start with 一、 or use Word\'s Heading 1.'),
}, {
  none: {
    message: loc('没有找到任何带编号（一、二、……）的章节标题，无法导入。', 'Found no numbered chapter headings (一、二、…); nothing imported.'),
    hint: loc('确认文件是年度报告正文；章节标题应以“一、”“二、”开头，或使用 Word 的“标题 1”样式。', 'Check that the file is the report itself; chapter headings start with 一、二、 or use Word\'s Heading 1 style.'),
  },
});

export const importChaptersUnmarked = defineDiagnostic({
  ...IMPORT,
  id: 'import-chapters-unmarked',
  severity: 'warning',
  description: loc('有标题、有正文，但没有找到章节标题：全文暂归入第一章。', 'A title and text, but no chapter headings: all of the text went to the first chapter.'),
  why: loc('整篇丢掉比放在一章里更糟；check 会报出缺少的各章。', 'Dropping the text would be worse than keeping it in one chapter; check names the chapters missing.'),
  fix: loc('按原文把各章分到各自的章节文件里。', 'Split the chapters into their own files as the original has them.'),
}, {
  unmarked: {
    message: (d: { id: string }) => loc(`没有找到章节标题（“一、”或 Word 的“标题 1”）：全文暂归入“${d.id}”一章。`, `No chapter headings (一、 or Word's Heading 1): all of the text went to "${d.id}" for now.`),
    hint: 'fix',
  },
});

export const importChapterHeading = defineDiagnostic({
  ...IMPORT,
  id: 'import-chapter-heading',
  severity: 'info',
  description: loc('一章的标题没有“一、”这样的编号（或把“一、”写成了“1.”），按位置或含义读作一章。', 'A chapter heading has no 一、 number (or has 1. for 一、); read as a chapter by its place or words.'),
  why: loc('编号的笔误不应让一章变成上一章的正文。', 'A numbering slip should not turn a chapter into the text of the one before.'),
  fix: loc('核对这一章的起止。', 'Check where the chapter starts and ends.'),
}, {
  renumbered: { message: (d: { heading: string }) => loc(`“${d.heading}”编号为“1.”，按位置（其后是“二、”）读作第一章。`, `"${d.heading}" is numbered 1. but, followed by 二、, was read as chapter one.`) },
  unnumbered: { message: (d: { heading: string }) => loc(`“${d.heading}”没有编号，按标题的含义读作一章。`, `"${d.heading}" has no number; read as a chapter by its words.`) },
});
