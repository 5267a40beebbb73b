import { metricComment, yamlScalar } from '../init/report-files.js';
import type { Catalog } from '../model.js';

/** Further mentions of one metric quoted beside it; the rest are counted. */
const MAX_QUOTED = 5;

export interface ImportedFigure {
  path: string;
  value: number;
  line: number;
  sentence: string;
  /** False when an earlier figure of the same metric differs: kept as a comment only. */
  used: boolean;
}

/** metrics.yaml with each figure's source quoted beside it, in catalog order. */
export function metricsYaml(catalog: Catalog, figures: ImportedFigure[], file: string, unit: string): string {
  const lines = [`# 从“${file}”中找到的数据：每项后面注明原文出处，请逐项核对。`, '# 章节中用 {{组.项}} 引用，或 {{fig 组.项}} 连同单位输出。'];
  if (figures.length === 0) lines.push('# （没有找到与指标目录对应的数据。）');
  const quote = (f: ImportedFigure) => `第 ${f.line} ${unit}：「${f.sentence.replace(/\s+/g, ' ')}」`;
  for (const group of catalog.groups) {
    const inGroup = group.metrics.map((def) => ({ def, found: figures.filter((f) => f.path === def.path) })).filter((x) => x.found.length > 0);
    if (inGroup.length === 0) continue;
    lines.push('', `${group.key}:${' '.repeat(Math.max(1, 24 - group.key.length))}# ${group.label}`);
    for (const { def, found } of inGroup) {
      const key = def.path.slice(group.key.length + 1);
      // The value chosen (see collectFigures) leads; the other mentions follow as comments.
      const first = found.find((f) => f.used) ?? found[0]!;
      const rest = found.filter((f) => f !== first);
      lines.push(`  ${key}: ${yamlScalar(first.value)}${' '.repeat(Math.max(1, 22 - key.length - String(first.value).length))}# ${metricComment(def)}，${quote(first)}`);
      for (const other of rest.slice(0, MAX_QUOTED)) {
        lines.push(`  #${other.used ? ' 同一数据' : ` 另一个数 ${other.value}`}，${quote(other)}`);
      }
      if (rest.length > MAX_QUOTED) lines.push(`  # ……另有 ${rest.length - MAX_QUOTED} 处`);
    }
  }
  return lines.join('\n') + '\n';
}
