import { loc } from '../../diagnostics/diagnostic.js';
import { typedNumber } from '../../markdown/numbering.js';
import type { Heading } from 'mdast';
import type { Fix } from '../../diagnostics/diagnostic.js';
import type { ChapterSource } from '../../model.js';
import { stripHeadingNumber } from '../../profile/match.js';
import type { Rule } from '../rule.js';
import { bodyHeadings } from './heading-level.js';

export const headingTypedNumber: Rule = {
  meta: {
    id: 'heading-typed-number',
    category: 'markdown',
    severity: 'info',
    fixable: true,
    description: loc('标题里手写了编号，已自动去掉。', 'A heading carries a typed number, which was removed.'),
    why: loc('编号由 lawreport 生成，手写的编号在增删小节后会错。', 'lawreport generates numbering; typed numbers go wrong when sections move.'),
    fix: loc('删去源文件中的手写编号；lawreport fmt --fix（或 check --fix）会自动删去。', 'Remove the typed number from the source; lawreport fmt --fix (or check --fix) does it.'),
    example: { bad: '## （一）抓实领导干部学法用法\n', good: '## 抓实领导干部学法用法\n' },
  },
  check({ source, report }) {
    const chapters = new Map(source.chapters.map((c) => [c.file, c]));
    for (const { file, heading, at } of bodyHeadings(source)) {
      // Headings deeper than #### get no number, so a typed one there stays as written.
      const typed = heading.depth <= 4 ? typedNumber(heading) : undefined;
      if (!typed) continue;
      report({
        ...at,
        file,
        message: loc(`标题里手写的编号“${typed}”已去掉，编号由 lawreport 生成。`, `The typed number "${typed}" was removed from the heading; lawreport generates numbering.`),
        hint: loc('删去源文件中的手写编号（lawreport fmt --fix 会自动删去）。', 'Remove the typed number from the source (lawreport fmt --fix does it).'),
        fix: removal(heading, chapters.get(file)),
      });
    }
  },
};

/** Deletes the typed number and the space after it, where the source spells them as the heading's text. */
function removal(heading: Heading, chapter: Pick<ChapterSource, 'text' | 'lines'> | undefined): Fix | undefined {
  const first = heading.children[0];
  // Offsets of the tree may count from a part of the body: the line and column are the file's.
  const at = first?.type === 'text' ? first.position?.start : undefined;
  if (first?.type !== 'text' || !at || !chapter) return undefined;
  const start = chapter.lines.offset(at.line, at.column);
  const text = chapter.text;
  const length = first.value.length - stripHeadingNumber(first.value).text.length;
  if (length <= 0 || text.slice(start, start + length) !== first.value.slice(0, length)) return undefined;
  return { range: [start, start + length], text: '' };
}
