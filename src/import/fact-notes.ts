import { loc, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { IMPORT } from './diagnostics.js';
import type { Fact, FactSource } from './report-facts.js';
import type { SourceLine } from './source-line.js';
import type { ReportStructure } from './structure.js';

const FROM: Record<FactSource, Localized> = {
  title: loc('标题', 'the title'),
  opening: loc('开头一段', 'the opening paragraph'),
  headline: loc('转载报告的新闻标题', 'the headline of the news item carrying the report'),
  heading: loc('章节标题', 'a chapter heading'),
  signature: loc('署名', 'the signature'),
  page: loc('网页的“来源/发布机构”', 'the page\'s 来源/发布机构 line'),
  document: loc('正文中本单位的文件名', 'the report\'s own document names'),
  date: loc('成文日期', 'the signature date'),
};

const CHECK_YEAR = loc('核对 lawreport.yaml 中的 year。', 'Check year in lawreport.yaml.');

/** What was looked at, whether the text has a date, the page's year of publication. */
type NoYear = { looked: Localized; dated: boolean; published: number | undefined };

export const importNoYear = defineDiagnostic({
  ...IMPORT,
  id: 'import-no-year',
  severity: 'warning',
  description: loc('标题、开头一段、章节标题和成文日期里都找不到报告年度；year 留空待填。', 'No report year in the title, the opening paragraph, the headings or the signature date; year is left blank.'),
  why: loc('年度决定章节标题和数据的年份；猜错的年度比空着更难发现。', 'The year sets chapter titles and the figures\' year; a wrong guess is harder to notice than a blank.'),
  fix: loc('核对原文后在 lawreport.yaml 中填写 year（提示里有网页的发布年份时可作参考）。', 'Check the original and fill in year in lawreport.yaml (the hint names the page\'s publication year, when there is one).'),
}, {
  missing: {
    message: (d: NoYear) => loc(
      `没有找到报告年度（看过：${d.looked.zh}${d.dated ? '' : '；原文没有成文日期'}），lawreport.yaml 中的 year 留空待填。`,
      `No report year found (looked at ${d.looked.en}${d.dated ? '' : '; the text has no signature date'}); year is left blank in lawreport.yaml.`,
    ),
    hint: (d: NoYear) => d.published
      ? loc(`网页的发布日期在 ${d.published} 年，报告年度通常是其前一年（${d.published - 1}）；核对原文后在 lawreport.yaml 中填写 year。`, `The page was published in ${d.published}; the report year is usually the one before (${d.published - 1}). Check, then fill in year in lawreport.yaml.`)
      : loc('核对原文后在 lawreport.yaml 中填写 year，如 year: 2024。', 'Check the original, then fill in year in lawreport.yaml, e.g. year: 2024.'),
  },
});

export const importYearConflict = defineDiagnostic({
  ...IMPORT,
  id: 'import-year-conflict',
  severity: 'warning',
  description: loc('标题的年度与正文开头的年度不一致，暂按正文开头。', 'The title\'s year and the opening sentence\'s differ; the opening\'s is used for now.'),
  why: loc('网页上方的栏目标题常带错年份；正文开头是作者自己写的。', 'A page heading above the text often carries a wrong year; the opening sentence is the writer\'s own.'),
  fix: loc('核对 lawreport.yaml 中的 year 和 title。', 'Check year and title in lawreport.yaml.'),
}, {
  conflict: {
    message: (d: { from: Localized; other: number; year: number }) => loc(
      `${d.from.zh}写的是 ${d.other} 年，正文开头写的是 ${d.year} 年；暂按正文开头填 ${d.year}。`,
      `${d.from.en} says ${d.other}, the opening sentence ${d.year}; ${d.year} written for now.`,
    ),
    hint: 'fix',
  },
});

export const importYearGuessed = defineDiagnostic({
  ...IMPORT,
  id: 'import-year-guessed',
  severity: 'info',
  description: loc('报告年度取自成文日期的前一年。', 'The report year is the year before the signature date.'),
  why: loc('标题和正文开头都没写年度时，成文日期（次年一季度）是唯一的线索。', 'When neither the title nor the opening names the year, the signature date (early next year) is the only clue.'),
  fix: CHECK_YEAR,
}, {
  fromDate: {
    message: (d: { year: number; date: string }) => loc(
      `标题和正文开头都没有写年度，按成文日期（${d.date}）取前一年 ${d.year}。`,
      `Neither the title nor the opening names the year; ${d.year} is the year before the signature date (${d.date}).`,
    ),
    hint: 'fix',
  },
});

export const importNoOrg = defineDiagnostic({
  ...IMPORT,
  id: 'import-no-org',
  severity: 'warning',
  description: loc('标题、署名、开头一段和网页信息里都找不到报告主体。', 'No reporting body in the title, signature, opening paragraph or page details.'),
  why: loc('报告主体是默认标题和署名。', 'The body makes the default title and signature.'),
  fix: loc('在 lawreport.yaml 的 org 中填写。', 'Fill in org in lawreport.yaml.'),
}, {
  missing: {
    message: loc('标题、署名、开头一段和网页信息中都没有找到报告主体，lawreport.yaml 中暂填“待补充”。', 'No reporting body in the title, signature, opening paragraph or page details; “待补充” written for now.'),
    hint: loc('在 lawreport.yaml 的 org 中填写报告主体，如“示例镇人民政府”。', 'Fill in org in lawreport.yaml, e.g. 示例镇人民政府.'),
  },
});

const CHECK_ORG = loc('核对 lawreport.yaml 中的 org（也是默认的署名），写全称，如“示例镇人民政府”。', 'Check org in lawreport.yaml (also the default signature); write the full name, e.g. 示例镇人民政府.');

export const importOrgGuessed = defineDiagnostic({
  ...IMPORT,
  id: 'import-org-guessed',
  severity: 'info',
  description: loc('报告主体不是从标题读出的，或原文只以“县政府”之类自称。', 'The reporting body was not read from the title, or the report calls itself only 县政府 and the like.'),
  why: loc('开头一段、署名、网页信息读出的名称可能是简称；只有自称时是警告。', 'A name from the opening, signature or page may be a short form; a bare self-reference is a warning.'),
  fix: loc('核对 lawreport.yaml 中的 org，写全称。', 'Check org in lawreport.yaml and write the full name.'),
}, {
  /** Raised as a warning: nothing names the body. */
  generic: {
    message: (d: { org: string }) => loc(`原文只以“${d.org}”自称，没有写出具体名称；lawreport.yaml 中暂填“${d.org}”。`, `The report calls itself only "${d.org}", never by name; "${d.org}" written for now.`),
    hint: CHECK_ORG,
  },
  from: {
    message: (d: { org: string; from: Localized }) => loc(`报告主体“${d.org}”取自${d.from.zh}。`, `The reporting body "${d.org}" was read from ${d.from.en}.`),
    hint: CHECK_ORG,
  },
});

export const importNoTitle = defineDiagnostic({
  ...IMPORT,
  id: 'import-no-title',
  severity: 'info',
  description: loc('原文开头没有标题。', 'The text has no title at the top.'),
  why: loc('没有 title 时输出用默认标题。', 'Without title the outputs use the default title.'),
  fix: loc('需要原来的标题时在 lawreport.yaml 中写 title。', 'Write title in lawreport.yaml to keep another one.'),
}, {
  missing: {
    message: loc('原文开头没有找到标题，输出时用默认标题“{报告主体}{年度}年法治政府建设年度报告”。', 'No title at the top of the text; outputs use the default title ({org}{year}年法治政府建设年度报告).'),
    hint: loc('需要原来的标题时，在 lawreport.yaml 中写 title。', 'Write title in lawreport.yaml to keep another one.'),
  },
});

export const importNoDate = defineDiagnostic({
  ...IMPORT,
  id: 'import-no-date',
  severity: 'warning',
  description: loc('正文末尾没有成文日期。', 'No signature date at the end of the text.'),
  why: loc('成文日期是公文的必备要素，且须在次年 4 月 1 日前。', 'The date is required and must fall before 1 April of the next year.'),
  fix: loc('在 lawreport.yaml 中填写 date。', 'Fill in date in lawreport.yaml.'),
}, {
  missing: {
    message: loc('正文末尾没有找到成文日期（如“2025年2月10日”）。', 'No signature date (like 2025年2月10日) at the end of the text.'),
    hint: loc('在 lawreport.yaml 中填写 date，如 2025-02-10。', 'Fill in date in lawreport.yaml, e.g. 2025-02-10.'),
  },
});

export const importNoSignature = defineDiagnostic({
  ...IMPORT,
  id: 'import-no-signature',
  severity: 'warning',
  description: loc('成文日期前没有署名。', 'No signature before the date.'),
  why: loc('缺署名时以报告主体署名，可能与原文不同。', 'Without one the reporting body signs, which may differ from the original.'),
  fix: loc('需要时在 lawreport.yaml 中写 signature。', 'Add signature to lawreport.yaml when needed.'),
}, {
  missing: { message: loc('成文日期前没有找到署名（发文机关）；默认以报告主体署名。', 'No signature (issuing body) before the date; the reporting body signs by default.') },
});

/**
 * A note for every fact import could only guess or could not find: the year (never made up:
 * `year:` is left for the clerk, with what was looked at), the reporting body, the title, the
 * date and the signature.
 */
export function factDiagnostics(
  s: ReportStructure,
  year: (Fact<number> & { other?: Fact<number> }) | undefined,
  org: (Fact<string> & { generic?: boolean }) | undefined,
  where: { file: string; unit: string; lines: SourceLine[] },
): Diagnostic[] {
  const { file } = where;
  const at = (line: number) => ({ file, line, column: 1 });
  const top = at(s.title?.line ?? where.lines[0]?.no ?? 1);
  const out: Diagnostic[] = [];
  if (!year) {
    const looked = loc(
      [s.title ? '标题' : undefined, '开头一段', s.chapters.length ? '章节标题' : undefined, s.date ? '成文日期' : undefined].filter(Boolean).join('、'),
      [s.title ? 'the title' : undefined, 'the opening paragraph', s.chapters.length ? 'the chapter headings' : undefined, s.date ? 'the signature date' : undefined].filter(Boolean).join(', '),
    );
    out.push(importNoYear.at(top, 'missing', { looked, dated: s.date !== undefined, published: s.page.published }));
  } else if (year.other) {
    out.push(importYearConflict.at(top, 'conflict', { from: FROM[year.other.from], other: year.other.value, year: year.value }));
  } else if (year.from === 'date') {
    out.push(importYearGuessed.at(at(s.date!.line), 'fromDate', { year: year.value, date: s.date!.iso }));
  }
  if (!org) out.push(importNoOrg.at(top, 'missing'));
  else if (org.generic) out.push(importOrgGuessed.at(top, 'generic', { org: org.value }, { severity: 'warning' }));
  else if (org.from !== 'title') out.push(importOrgGuessed.at(top, 'from', { org: org.value, from: FROM[org.from] }));
  if (!s.title) out.push(importNoTitle.at(top, 'missing'));
  const last = at(where.lines.at(-1)?.no ?? 1);
  if (!s.date) out.push(importNoDate.at(last, 'missing'));
  if (s.signature.length === 0) out.push(importNoSignature.at(s.date ? at(s.date.line) : last, 'missing'));
  return out;
}
