import { loc } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';

/**
 * What `lawreport import` reports about the file it reads (docs/rules.md, category import):
 * here the ids more than one reader raises (read-source.ts, zip-guard.ts, import-report.ts); the
 * others are declared in the file that raises them (fact-notes.ts, map-chapters.ts) or beside it (chapter-notes.ts).
 */
export const IMPORT = { category: 'import', fixedSeverity: true } as const;

const RESAVE = loc('用 Word 或 WPS 打开后另存为 .docx 再试，或另存为纯文本。', 'Open it in Word or WPS and save it again as .docx, or as plain text.');
const NOT_WORD = loc('这不像 Word 保存的文档。请用 Word 或 WPS 打开原件后另存为 .docx，或另存为纯文本再导入。', 'This does not look like a document Word saved. Open the original in Word or WPS and save it again as .docx, or as plain text.');
const NAME_ENCODING = loc('用 --encoding 指定编码，如 --encoding big5；或在记事本中另存为 UTF-8。', 'Name the encoding with --encoding, e.g. --encoding big5; or save it as UTF-8.');
const SPLIT = loc('确认选对了文件；过长的文档可以拆成几份再导入。', 'Check it is the right file; split an over-long document and import the parts.');

export const importUnreadable = defineDiagnostic({
  ...IMPORT,
  id: 'import-unreadable',
  severity: 'error',
  description: loc('DOCX 文件读不出来（损坏，或不是 Word 文档）。', 'The DOCX file cannot be read (damaged, or not a Word document).'),
  why: loc('读不出的文件无法导入。', 'A file that cannot be read cannot be imported.'),
  fix: loc('用 Word 或 WPS 打开后另存为 .docx，或另存为纯文本。', 'Save it again as .docx from Word or WPS, or as plain text.'),
}, {
  damaged: { message: (d: { reason: string }) => loc('无法读取这个 DOCX 文件：它可能已损坏，或不是 Word 文档。', `Cannot read the DOCX file: ${d.reason}`), hint: RESAVE },
  notZip: { message: loc('文件不是有效的 DOCX（ZIP 压缩包）：它可能已损坏、不完整，或不是 Word 文档。', 'The file is not a valid DOCX (zip archive): it may be damaged, truncated, or not a Word document.'), hint: RESAVE },
  encryptedEntries: { message: loc('压缩包中的文件是加密的，无法读取。', 'The zip entries are encrypted; they cannot be read.'), hint: RESAVE },
  noDocument: { message: loc('压缩包中没有正文部分 word/document.xml：这不是 Word 文档。', 'The archive has no word/document.xml: it is not a Word document.'), hint: RESAVE },
  damagedEntry: { message: (d: { entry: string }) => loc(`压缩包中的“${d.entry}”已损坏，无法解压。`, `"${d.entry}" in the archive is damaged and cannot be inflated.`), hint: RESAVE },
});

export const importDocxUnsafe = defineDiagnostic({
  ...IMPORT,
  id: 'import-docx-unsafe',
  severity: 'error',
  description: loc('DOCX 压缩包不安全：文件名越出目录、文件过多，或解压后过大（压缩炸弹）。', 'The DOCX archive is unsafe: entry names leave the folder, too many entries, or it inflates too large (zip bomb).'),
  why: loc('Word 保存的文档不会这样；照读会耗尽内存或磁盘。', 'Word never saves such a file; reading it would exhaust memory or disk.'),
  fix: loc('用 Word 或 WPS 打开原件后另存为 .docx，或另存为纯文本。', 'Save the original again as .docx from Word or WPS, or as plain text.'),
}, {
  entries: { message: (d: { count: number; limit: number }) => loc(`压缩包中有 ${d.count} 个文件，超过上限 ${d.limit} 个。`, `The archive holds ${d.count} files, more than the limit of ${d.limit}.`), hint: NOT_WORD },
  name: {
    message: (d: { name: string }) => loc(`压缩包中有不安全的文件名“${d.name}”（含“..”、绝对路径、盘符、反斜杠或空字符）。`, `The archive has an unsafe entry name "${d.name}" (with "..", an absolute path, a drive letter, a backslash or NUL).`),
    hint: NOT_WORD,
  },
  inflated: { message: (d: { limit: string }) => loc(`压缩包解压后超过 ${d.limit} 上限（疑似“压缩炸弹”），已停止解压。`, `The archive inflates to more than the ${d.limit} limit (a likely zip bomb); inflation stopped.`), hint: NOT_WORD },
  ratio: {
    message: (d: { entry: string; ratio: number }) => loc(`压缩包中的“${d.entry}”压缩比超过 ${d.ratio} 倍，疑似“压缩炸弹”，已停止解压。`, `"${d.entry}" in the archive inflates more than ${d.ratio}× its compressed size (a likely zip bomb); inflation stopped.`),
    hint: NOT_WORD,
  },
});

export const importDocxEncrypted = defineDiagnostic({
  ...IMPORT,
  id: 'import-docx-encrypted',
  severity: 'error',
  description: loc('DOCX 设置了打开密码，或是改了扩展名的旧版 .doc。', 'The DOCX is password-protected, or an old .doc renamed.'),
  why: loc('加密的文件读不出正文。', 'An encrypted file\'s text cannot be read.'),
  fix: loc('去掉打开密码，或把 .doc 另存为 .docx。', 'Remove the password, or save the .doc as .docx.'),
}, {
  encrypted: {
    message: loc('文件设置了打开密码，或是改了扩展名的旧版 .doc 文档，无法读取。', 'The file is password-protected, or is an old .doc renamed to .docx; it cannot be read.'),
    hint: loc('在 Word 或 WPS 中去掉打开密码（或把 .doc 另存为 .docx）后再导入。', 'Remove the password in Word or WPS (or save the .doc as .docx) and import again.'),
  },
});

export const importEncoding = defineDiagnostic({
  ...IMPORT,
  id: 'import-encoding',
  severity: 'error',
  description: loc('文本文件的编码无法确定，或与 --encoding 不符。', 'The text file\'s encoding cannot be told, or does not match --encoding.'),
  why: loc('猜错编码会把乱码写进报告；宁可停下。', 'A wrong guess writes garbage into the report; better to stop.'),
  fix: loc('用 --encoding 指定编码，或另存为 UTF-8。', 'Name it with --encoding, or save the file as UTF-8.'),
}, {
  invalid: { message: (d: { encoding: string }) => loc(`文件不是有效的 ${d.encoding} 编码文本。`, `The file is not valid ${d.encoding} text.`), hint: NAME_ENCODING },
  unknown: { message: loc('无法确定文件的编码：既不是 UTF-8（含 BOM、UTF-16），也不是 GB18030/GBK。', 'Cannot tell the file\'s encoding: it is neither UTF-8 (with BOM, UTF-16) nor GB18030/GBK.'), hint: NAME_ENCODING },
});

export const importTooLarge = defineDiagnostic({
  ...IMPORT,
  id: 'import-too-large',
  severity: 'error',
  description: loc('要导入的文档段落（文本的行）超过上限，没有转换。', 'The document to import has more paragraphs (lines of text) than the limit; it was not converted.'),
  why: loc('转换的时间和内存随段落数增长：先数段落，再决定是否转换，不会卡住几分钟、耗尽内存。', 'Converting takes time and memory by the paragraph: they are counted first, so an import never hangs for minutes or exhausts memory.'),
  fix: loc('确认选对了文件；过长的文档可以拆成几份，或只导入正文部分。', 'Check it is the right file; split an over-long document, or import only the report itself.'),
}, {
  lines: { message: (d: { count: number; limit: number }) => loc(`文件有 ${d.count} 行文字，超过导入上限 ${d.limit} 行，没有转换。`, `The file has ${d.count} lines of text, over the import limit of ${d.limit}; it was not converted.`), hint: SPLIT },
  paragraphs: {
    message: (d: { count: number; limit: number }) => loc(`文档有 ${d.count} 段，超过导入上限 ${d.limit} 段（200 页的报告约 8000 段），没有转换。`, `The document has ${d.count} paragraphs, over the import limit of ${d.limit} (a 200-page report has about 8,000); it was not converted.`),
    hint: SPLIT,
  },
});

export const importOwn = defineDiagnostic({
  ...IMPORT,
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
