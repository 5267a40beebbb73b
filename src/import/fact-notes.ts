import { diag, loc, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
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
    const looked = [s.title ? '标题' : undefined, '开头一段', s.chapters.length ? '章节标题' : undefined, s.date ? '成文日期' : undefined].filter(Boolean).join('、');
    const lookedEn = [s.title ? 'the title' : undefined, 'the opening paragraph', s.chapters.length ? 'the chapter headings' : undefined, s.date ? 'the signature date' : undefined].filter(Boolean).join(', ');
    const page = s.page.published;
    out.push(diag('import-no-year', 'warning', top, loc(
      `没有找到报告年度（看过：${looked}${s.date ? '' : '；原文没有成文日期'}），lawreport.yaml 中的 year 留空待填。`,
      `No report year found (looked at ${lookedEn}${s.date ? '' : '; the text has no signature date'}); year is left blank in lawreport.yaml.`,
    ), {
      hint: page
        ? loc(`网页的发布日期在 ${page} 年，报告年度通常是其前一年（${page - 1}）；核对原文后在 lawreport.yaml 中填写 year。`, `The page was published in ${page}; the report year is usually the one before (${page - 1}). Check, then fill in year in lawreport.yaml.`)
        : loc('核对原文后在 lawreport.yaml 中填写 year，如 year: 2024。', 'Check the original, then fill in year in lawreport.yaml, e.g. year: 2024.'),
    }));
  } else if (year.other) {
    out.push(diag('import-year-conflict', 'warning', top, loc(
      `${FROM[year.other.from].zh}写的是 ${year.other.value} 年，正文开头写的是 ${year.value} 年；暂按正文开头填 ${year.value}。`,
      `${FROM[year.other.from].en} says ${year.other.value}, the opening sentence ${year.value}; ${year.value} written for now.`,
    ), { hint: loc('核对 lawreport.yaml 中的 year 和 title。', 'Check year and title in lawreport.yaml.') }));
  } else if (year.from === 'date') {
    out.push(diag('import-year-guessed', 'info', at(s.date!.line), loc(
      `标题和正文开头都没有写年度，按成文日期（${s.date!.iso}）取前一年 ${year.value}。`,
      `Neither the title nor the opening names the year; ${year.value} is the year before the signature date (${s.date!.iso}).`,
    ), { hint: loc('核对 lawreport.yaml 中的 year。', 'Check year in lawreport.yaml.') }));
  }
  if (!org) {
    out.push(diag('import-no-org', 'warning', top, loc(
      '标题、署名、开头一段和网页信息中都没有找到报告主体，lawreport.yaml 中暂填“待补充”。',
      'No reporting body in the title, signature, opening paragraph or page details; “待补充” written for now.',
    ), { hint: loc('在 lawreport.yaml 的 org 中填写报告主体，如“示例镇人民政府”。', 'Fill in org in lawreport.yaml, e.g. 示例镇人民政府.') }));
  } else if (org.generic || org.from !== 'title') {
    out.push(diag('import-org-guessed', org.generic ? 'warning' : 'info', top, org.generic
      ? loc(`原文只以“${org.value}”自称，没有写出具体名称；lawreport.yaml 中暂填“${org.value}”。`, `The report calls itself only "${org.value}", never by name; "${org.value}" written for now.`)
      : loc(`报告主体“${org.value}”取自${FROM[org.from].zh}。`, `The reporting body "${org.value}" was read from ${FROM[org.from].en}.`), {
      hint: loc('核对 lawreport.yaml 中的 org（也是默认的署名），写全称，如“示例镇人民政府”。', 'Check org in lawreport.yaml (also the default signature); write the full name, e.g. 示例镇人民政府.'),
    }));
  }
  if (!s.title) {
    out.push(diag('import-no-title', 'info', top, loc(
      '原文开头没有找到标题，输出时用默认标题“{报告主体}{年度}年法治政府建设年度报告”。',
      'No title at the top of the text; outputs use the default title ({org}{year}年法治政府建设年度报告).',
    ), { hint: loc('需要原来的标题时，在 lawreport.yaml 中写 title。', 'Write title in lawreport.yaml to keep another one.') }));
  }
  const last = at(where.lines.at(-1)?.no ?? 1);
  if (!s.date) out.push(diag('import-no-date', 'warning', last, loc('正文末尾没有找到成文日期（如“2025年2月10日”）。', 'No signature date (like 2025年2月10日) at the end of the text.'), { hint: loc('在 lawreport.yaml 中填写 date，如 2025-02-10。', 'Fill in date in lawreport.yaml, e.g. 2025-02-10.') }));
  if (s.signature.length === 0) out.push(diag('import-no-signature', 'warning', s.date ? at(s.date.line) : last, loc('成文日期前没有找到署名（发文机关）；默认以报告主体署名。', 'No signature (issuing body) before the date; the reporting body signs by default.')));
  return out;
}
