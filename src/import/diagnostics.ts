import { loc } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';

/** What `lawreport import` reports, declared where import raises it (docs/rules.md, category import). */
const base = { category: 'import', fixedSeverity: true } as const;

export const importOwn = defineDiagnostic({
  ...base,
  id: 'import-own-docx',
  severity: 'info',
  description: loc('这是 lawreport 生成的 DOCX：按其中记录的章节和数据还原出报告文件夹。', 'A DOCX lawreport built: the report folder is given back from the chapters and figures it records.'),
  why: loc('自己生成的文件能原样还原：章节文件、小节、表格（合并单元格）、列表、引用、图片、脚注，数据写回引用（比率写成 {{pct …}}），在 Word 里改过的文字照改过的导入。', 'A file lawreport built comes back whole: chapter files, sections, tables (merged cells), lists, quotes, pictures, footnotes, figures as references again (rates as {{pct …}}); text edited in Word comes back as edited.'),
  fix: loc('核对导入的文件；不要把数字写成引用时加 --no-template-figures。', 'Review the files; add --no-template-figures to keep the figures as literal numbers.'),
}, {
  own: {
    message: loc('这是 lawreport 生成的 DOCX：章节、数据按文件里记录的还原，数字写回引用。', 'A DOCX lawreport built: chapters and figures are restored from what it records, figures as references.'),
    hint: 'fix',
  },
});
