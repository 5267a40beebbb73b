import { Chalk } from 'chalk';
import { countBySeverity, SEVERITY_LABEL, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';
import { joinPath } from './paths.js';

/** file:line:col  severity  message  [rule-id], then the hint indented; a summary at the end. */
export const human: Formatter = (diagnostics, { lang, color, base }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const lines: string[] = [];
  for (const d of diagnostics) {
    const where = [joinPath(base, d.file), d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined).join(':');
    lines.push(`${c.bold(where)}  ${paint[d.severity](SEVERITY_LABEL[d.severity][lang])}  ${d.message[lang]}  ${c.dim(`[${d.ruleId}]`)}`);
    if (d.hint) lines.push(`    ${c.dim('→')} ${d.hint[lang]}`);
    for (const r of d.related ?? []) {
      const at = [joinPath(base, r.file), r.line, r.column].filter((x) => x !== undefined).join(':');
      lines.push(`    ${c.dim(`${at}: ${r.message[lang]}`)}`);
    }
  }
  lines.push(summary(diagnostics, lang, c));
  return lines.join('\n') + '\n';
};

function summary(diagnostics: readonly Diagnostic[], lang: 'zh' | 'en', c: InstanceType<typeof Chalk>): string {
  const n = countBySeverity(diagnostics);
  if (n.error + n.warning + n.info === 0) return c.green(lang === 'zh' ? '✔ 没有发现问题' : '✔ no problems found');
  const text =
    lang === 'zh'
      ? `${n.error} 个错误，${n.warning} 个警告，${n.info} 个提示`
      : `${n.error} error(s), ${n.warning} warning(s), ${n.info} info`;
  return n.error > 0 ? c.red(`✖ ${text}`) : c.yellow(`⚠ ${text}`);
}
