import { Chalk } from 'chalk';
import { countBySeverity, type Lang } from '../../diagnostics/diagnostic.js';
import { displayWidth } from '../../summary/width.js';
import type { ReportOutcome } from './task.js';
import { compareNames } from '../../collate.js';

/**
 * What a district office reads after checking its towns: one line per report (passed, or which
 * rules it fails), then each failing rule with the reports that fail it.
 */
export function formatSummary(outcomes: readonly ReportOutcome[], lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const tr = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const width = Math.max(...outcomes.map((o) => displayWidth(o.display)));
  const pad = (s: string) => s + ' '.repeat(width - displayWidth(s));
  const lines: string[] = [];
  const byRule = new Map<string, string[]>();

  for (const o of outcomes) {
    const n = countBySeverity(o.diagnostics);
    const failing = [...new Set(o.diagnostics.filter((d) => d.severity === 'error' || (o.exitCode !== 0 && d.severity === 'warning')).map((d) => d.ruleId))].sort();
    for (const rule of failing) byRule.set(rule, [...(byRule.get(rule) ?? []), o.display]);
    let status: string;
    if (o.failure) status = c.red(`✖ ${o.failure.split('\n')[0]}`);
    else if (o.exitCode !== 0) status = c.red(`✖ ${tr(`${n.error} 个错误，${n.warning} 个警告`, `${n.error} error(s), ${n.warning} warning(s)`)}  ${failing.join(', ')}`);
    else if (n.warning > 0) status = c.yellow(`⚠ ${tr(`${n.warning} 个警告`, `${n.warning} warning(s)`)}`);
    else status = c.green(tr('✔ 通过', '✔ passed'));
    lines.push(`  ${pad(o.display)}  ${status}`);
  }

  const failed = outcomes.filter((o) => o.exitCode !== 0).length;
  const head = tr(
    `汇总：${outcomes.length} 份报告，${outcomes.length - failed} 份通过，${failed} 份未通过`,
    `Summary: ${outcomes.length} report(s), ${outcomes.length - failed} passed, ${failed} failed`,
  );
  const out = [c.bold(head), ...lines];
  if (byRule.size > 0) {
    out.push(c.bold(tr('未通过的规则：', 'Failing rules:')));
    const ruleWidth = Math.max(...[...byRule.keys()].map((r) => r.length));
    for (const [rule, reports] of [...byRule].sort((a, b) => b[1].length - a[1].length || compareNames(a[0], b[0]))) {
      out.push(`  ${rule.padEnd(ruleWidth)}  ${tr(`${reports.length} 份：`, `${reports.length}: `)}${reports.join(tr('、', ', '))}`);
    }
  }
  return out.join('\n') + '\n';
}
