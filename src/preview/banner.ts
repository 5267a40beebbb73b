import { countBySeverity, dedupeDiagnostics, SEVERITY_LABEL, sortDiagnostics, type Diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import { esc } from '../render/html/page.js';

export interface BannerInput {
  diagnostics: readonly Diagnostic[];
  lang: Lang;
  /** Page anchor of each chapter file shown below ("chapters/01-measures.md" → "measures"). */
  anchors: ReadonlyMap<string, string>;
  /** True when the report below is the last one built without errors, not the current sources. */
  stale: boolean;
  ms: number;
}

/** The diagnostics at the top of the preview: file:line, severity, message, hint; a chapter's file links to the chapter. */
export function bannerHtml({ diagnostics, lang, anchors, stale, ms }: BannerInput): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const n = countBySeverity(diagnostics);
  const summary =
    n.error + n.warning + n.info === 0
      ? t('✔ 没有发现问题', '✔ no problems found')
      : t(`${n.error} 个错误，${n.warning} 个警告，${n.info} 个提示`, `${n.error} error(s), ${n.warning} warning(s), ${n.info} info`);
  const note = stale ? t('下面是上一次没有错误时生成的报告。', 'Below is the last report built without errors.') : '';
  const items = sortDiagnostics(dedupeDiagnostics(diagnostics)).map((d) => {
    const where = esc([d.file, d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined).join(':'));
    const anchor = anchors.get(d.file);
    const place = anchor ? `<a href="#${esc(anchor)}">${where}</a>` : `<span>${where}</span>`;
    const hint = d.hint ? `<div class="lr-hint">→ ${esc(d.hint[lang])}</div>` : '';
    return `<li class="lr-${d.severity}">${place} <b>${SEVERITY_LABEL[d.severity][lang]}</b> ${esc(d.message[lang])} <code>[${esc(d.ruleId)}]</code>${hint}</li>`;
  });
  const state = n.error > 0 ? 'error' : n.warning > 0 ? 'warning' : 'ok';
  return [
    `<aside id="lawreport-diagnostics" class="lr-diag lr-${state}" role="status" data-errors="${n.error}" data-warnings="${n.warning}">`,
    `<p class="lr-summary">${summary}<span class="lr-time">${t(`生成用时 ${Math.round(ms)} 毫秒`, `built in ${Math.round(ms)} ms`)}</span></p>`,
    note ? `<p class="lr-note">${note}</p>` : '',
    items.length ? `<ol>${items.join('')}</ol>` : '',
    '</aside>',
  ].join('');
}

/** Kept apart from the report's stylesheet (class names prefixed lr-), and never printed. */
export const BANNER_CSS = `
.lr-diag { position: sticky; top: 0; z-index: 10; margin: 0; padding: .5rem 1rem; font: 14px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; letter-spacing: 0; text-indent: 0; border-bottom: 1px solid #ccc; background: #f1f8f1; max-height: 40vh; overflow: auto; }
.lr-diag.lr-error { background: #fff1f0; border-color: #e6a39c; }
.lr-diag.lr-warning { background: #fffbe6; border-color: #e6d38c; }
.lr-diag p { margin: 0; text-indent: 0; }
.lr-diag ol { margin: .3rem 0 0; padding-left: 1.2rem; list-style: disc; }
.lr-diag li { text-indent: 0; }
.lr-diag a { color: #0645ad; }
.lr-diag .lr-error b { color: #b42318; } .lr-diag .lr-warning b { color: #8a6d00; } .lr-diag .lr-info b { color: #175cd3; }
.lr-diag code { color: #666; }
.lr-hint { color: #444; padding-left: 1em; }
.lr-time { float: right; color: #666; }
@media print { .lr-diag { display: none; } }
`.trim();
