import type { Lang } from '../diagnostics/diagnostic.js';
import { esc } from '../render/html/page.js';
import { SANS_FONT } from './fonts.js';
import { summaryPage } from './page.js';

/** A link from the index: the path relative to the index (forward slashes), and what it says. */
export interface IndexLink {
  href: string;
  text: string;
}

export interface IndexEntry {
  folder: string;
  org?: string;
  year?: number;
  passed: boolean;
  errors: number;
  warnings: number;
  failure?: string;
  /** The outputs the build wrote for the report. */
  files: IndexLink[];
}

/** `build <folders> -o out`'s out/index.html: every report's outputs and the summary, one page, no script. */
export function indexPage(title: string, entries: readonly IndexEntry[], summary: readonly IndexLink[], lang: Lang): Uint8Array {
  const tr = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const link = (l: IndexLink) => `<a href="${esc(l.href)}">${esc(l.text)}</a>`;
  const rows = entries.map((e) => {
    const status = e.failure
      ? tr('无法读取', 'unreadable')
      : e.passed
        ? e.warnings > 0 ? tr(`已生成（${e.warnings} 个警告）`, `built (${e.warnings} warnings)`) : tr('已生成', 'built')
        : tr(`未生成：${e.errors} 个错误`, `not built: ${e.errors} error(s)`);
    return `<tr${e.passed ? '' : ' class="fail"'}><td>${esc(e.org ?? '')}</td><td>${e.year ?? ''}</td><td>${esc(e.folder)}</td><td${e.failure ? ` title="${esc(e.failure)}"` : ''}>${esc(status)}</td><td>${e.files.map(link).join(' · ')}</td></tr>`;
  });
  return summaryPage(lang, title, STYLE, [
    summary.length ? `<p>${esc(tr('汇总：', 'Summary: '))}${summary.map(link).join(' · ')}</p>` : '',
    `<table><thead><tr><th>${esc(tr('报告主体', 'Body'))}</th><th>${esc(tr('年度', 'Year'))}</th><th>${esc(tr('文件夹', 'Folder'))}</th><th>${esc(tr('结果', 'Result'))}</th><th>${esc(tr('输出', 'Outputs'))}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
  ]);
}

const STYLE = `
body { margin: 0; background: #f4f4f2; color: #1f1f1f; font: 14px/1.6 ${SANS_FONT}; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d0d0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #e7e6e6; }
tr.fail td { background: #ffc7ce; color: #9c0006; }
a { color: #2b5797; }
`;
