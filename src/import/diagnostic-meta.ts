import { loc } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../check/rule.js';

/** What `lawreport import` reports about the published report it reads (documented in docs/rules.md). */
const meta = (id: string, severity: RuleMeta['severity'], description: [string, string], why: [string, string], fix: [string, string]): RuleMeta => ({
  id,
  stage: 'import',
  severity,
  fixedSeverity: true,
  description: loc(...description),
  why: loc(...why),
  fix: loc(...fix),
});

export const importDiagnostics: readonly RuleMeta[] = [
  meta('import-unreadable', 'error', ['DOCX 文件读不出来（损坏，或不是 Word 文档）。', 'The DOCX file cannot be read (damaged, or not a Word document).'], ['读不出的文件无法导入。', 'A file that cannot be read cannot be imported.'], ['用 Word 或 WPS 打开后另存为 .docx，或另存为纯文本。', 'Save it again as .docx from Word or WPS, or as plain text.']),
  meta('import-docx-unsafe', 'error', ['DOCX 压缩包不安全：文件名越出目录、文件过多，或解压后过大（压缩炸弹）。', 'The DOCX archive is unsafe: entry names leave the folder, too many entries, or it inflates too large (zip bomb).'], ['Word 保存的文档不会这样；照读会耗尽内存或磁盘。', 'Word never saves such a file; reading it would exhaust memory or disk.'], ['用 Word 或 WPS 打开原件后另存为 .docx，或另存为纯文本。', 'Save the original again as .docx from Word or WPS, or as plain text.']),
  meta('import-docx-encrypted', 'error', ['DOCX 设置了打开密码，或是改了扩展名的旧版 .doc。', 'The DOCX is password-protected, or an old .doc renamed.'], ['加密的文件读不出正文。', 'An encrypted file\'s text cannot be read.'], ['去掉打开密码，或把 .doc 另存为 .docx。', 'Remove the password, or save the .doc as .docx.']),
  meta('import-encoding', 'error', ['文本文件的编码无法确定，或与 --encoding 不符。', 'The text file\'s encoding cannot be told, or does not match --encoding.'], ['猜错编码会把乱码写进报告；宁可停下。', 'A wrong guess writes garbage into the report; better to stop.'], ['用 --encoding 指定编码，或另存为 UTF-8。', 'Name it with --encoding, or save the file as UTF-8.']),
  meta('import-no-chapters', 'error', ['没有找到带编号的章节标题。', 'No numbered chapter headings were found.'], ['章节是报告的骨架，没有章节就不是年度报告。', 'Chapters are the report\'s frame; without them it is not an annual report.'], ['确认文件是报告正文；章节标题以“一、”开头，或用 Word 的“标题 1”样式。', 'Check the file is the report; chapter headings start with 一、 or use Word\'s Heading 1.']),
  meta('import-no-year', 'warning', ['标题、开头一段、章节标题和成文日期里都找不到报告年度；year 留空待填。', 'No report year in the title, the opening paragraph, the headings or the signature date; year is left blank.'], ['年度决定章节标题和数据的年份；猜错的年度比空着更难发现。', 'The year sets chapter titles and the figures\' year; a wrong guess is harder to notice than a blank.'], ['核对原文后在 lawreport.yaml 中填写 year（提示里有网页的发布年份时可作参考）。', 'Check the original and fill in year in lawreport.yaml (the hint names the page\'s publication year, when there is one).']),
  meta('import-year-guessed', 'info', ['报告年度取自成文日期的前一年。', 'The report year is the year before the signature date.'], ['标题和正文开头都没写年度时，成文日期（次年一季度）是唯一的线索。', 'When neither the title nor the opening names the year, the signature date (early next year) is the only clue.'], ['核对 lawreport.yaml 中的 year。', 'Check year in lawreport.yaml.']),
  meta('import-no-org', 'warning', ['标题、署名、开头一段和网页信息里都找不到报告主体。', 'No reporting body in the title, signature, opening paragraph or page details.'], ['报告主体是默认标题和署名。', 'The body makes the default title and signature.'], ['在 lawreport.yaml 的 org 中填写。', 'Fill in org in lawreport.yaml.']),
  meta('import-org-guessed', 'info', ['报告主体不是从标题读出的，或原文只以“县政府”之类自称。', 'The reporting body was not read from the title, or the report calls itself only 县政府 and the like.'], ['开头一段、署名、网页信息读出的名称可能是简称；只有自称时是警告。', 'A name from the opening, signature or page may be a short form; a bare self-reference is a warning.'], ['核对 lawreport.yaml 中的 org，写全称。', 'Check org in lawreport.yaml and write the full name.']),
  meta('import-no-title', 'info', ['原文开头没有标题。', 'The text has no title at the top.'], ['没有 title 时输出用默认标题。', 'Without title the outputs use the default title.'], ['需要原来的标题时在 lawreport.yaml 中写 title。', 'Write title in lawreport.yaml to keep another one.']),
  meta('import-no-date', 'warning', ['正文末尾没有成文日期。', 'No signature date at the end of the text.'], ['成文日期是公文的必备要素，且须在次年 4 月 1 日前。', 'The date is required and must fall before 1 April of the next year.'], ['在 lawreport.yaml 中填写 date。', 'Fill in date in lawreport.yaml.']),
  meta('import-no-signature', 'warning', ['成文日期前没有署名。', 'No signature before the date.'], ['缺署名时以报告主体署名，可能与原文不同。', 'Without one the reporting body signs, which may differ from the original.'], ['需要时在 lawreport.yaml 中写 signature。', 'Add signature to lawreport.yaml when needed.']),
  meta('import-chapter-unmapped', 'warning', ['一章对应不到提纲中的任何一章，原样保留。', 'A chapter matches no outline chapter; kept as it is.'], ['提纲外的章节无法编号，check 会报 chapter-unknown。', 'A chapter outside the outline cannot be numbered; check reports chapter-unknown.'], ['在前置信息写正确的 id:，或把内容并入其他章节。', 'Put the right id: in its front matter, or merge it into another chapter.']),
  meta('import-chapter-themed', 'info', ['按工作主题写成的一章，按位置和内容归入可以写成几章的一章（主要举措和成效）。', 'A chapter written by theme went, by place and content, to the chapter that may span several (the measures).'], ['区县、市、部门的报告常把主要举措写成几个主题章，它们都属于提纲的第一章。', 'District, city and department reports often write the measures as several themed chapters; all belong to the outline\'s first chapter.'], ['核对归属；每个部分保留自己的标题，按原样逐章编号。', 'Check where it went; each part keeps its own title and is numbered as written.']),
  meta('import-chapter-heading', 'info', ['一章的标题没有“一、”这样的编号（或把“一、”写成了“1.”），按位置或含义读作一章。', 'A chapter heading has no 一、 number (or has 1. for 一、); read as a chapter by its place or words.'], ['编号的笔误不应让一章变成上一章的正文。', 'A numbering slip should not turn a chapter into the text of the one before.'], ['核对这一章的起止。', 'Check where the chapter starts and ends.']),
  meta('import-chapter-split', 'info', ['合并写的两章（如“问题和打算”）已拆开。', 'Two chapters written as one (问题和打算) were split.'], ['提纲要求两章分开。', 'The outline wants them apart.'], ['核对拆分的位置。', 'Check where the split was made.']),
  meta('import-chapter-merged', 'warning', ['一章合并了提纲中的两章，找不到拆分的位置。', 'A chapter merges two outline chapters and could not be split.'], ['提纲要求两章分开，缺的一章会被 check 报告。', 'The outline wants them apart; check reports the missing one.'], ['把后一部分移到新的章节文件。', 'Move the second part into a new chapter file.']),
  meta('import-chapter-missing', 'warning', ['原文缺少提纲要求的一章（或只作为小节出现）。', 'The report lacks a chapter the outline requires (or has it only as a sub-section).'], ['缺章的报告会被退回。', 'A report missing a chapter is sent back.'], ['补写这一章，或把对应的小节移成一章。', 'Write the chapter, or move the sub-section into one.']),
];
