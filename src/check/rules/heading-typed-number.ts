import { loc } from '../../diagnostics/diagnostic.js';
import { typedNumber } from '../../markdown/numbering.js';
import type { Rule } from '../rule.js';
import { bodyHeadings } from './heading-level.js';

export const headingTypedNumber: Rule = {
  meta: {
    id: 'heading-typed-number',
    category: 'markdown',
    severity: 'info',
    description: loc('标题里手写了编号，已自动去掉。', 'A heading carries a typed number, which was removed.'),
    why: loc('编号由 lawreport 生成，手写的编号在增删小节后会错。', 'lawreport generates numbering; typed numbers go wrong when sections move.'),
    fix: loc('删去源文件中的手写编号。', 'Remove the typed number from the source.'),
    example: { bad: '## （一）抓实领导干部学法用法\n', good: '## 抓实领导干部学法用法\n' },
  },
  check({ source, report }) {
    for (const { file, heading, at } of bodyHeadings(source)) {
      // Headings deeper than #### get no number, so a typed one there stays as written.
      const typed = heading.depth <= 4 ? typedNumber(heading) : undefined;
      if (!typed) continue;
      report({
        ...at,
        file,
        message: loc(`标题里手写的编号“${typed}”已去掉，编号由 lawreport 生成。`, `The typed number "${typed}" was removed from the heading; lawreport generates numbering.`),
        hint: loc('删去源文件中的手写编号。', 'Remove the typed number from the source.'),
      });
    }
  },
};
