import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const yamlNotMapping = defineDiagnostic({
  id: 'yaml-not-mapping',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  description: loc('YAML 文件的顶层不是“键: 值”的映射。', 'The top level of a YAML file is not a mapping of "key: value".'),
  why: loc('lawreport.yaml、metrics.yaml、提纲和指标目录都按键读取，列表或单个值无法读取。', 'lawreport.yaml, metrics.yaml, profiles and catalogs are read by key; a list or a single value cannot be.'),
  fix: loc('去掉每行开头的“- ”，写成“键: 值”。', 'Remove the leading "- " and write "key: value" lines.'),
  example: { bad: '- org: 示例镇人民政府\n', good: 'org: 示例镇人民政府\n' },
}, {
  notMapping: {
    message: (d: { file: string }) => loc(`${d.file} 的顶层必须是“键: 值”的映射，不能是列表或单个值。`, `The top level of ${d.file} must be a mapping of "key: value", not a list or a single value.`),
  },
});

/** Every YAML file lawreport reads is a mapping at its top; a list or a scalar gets this. */
export function notMapping(file: string): Diagnostic {
  return yamlNotMapping.at({ file, line: 1, column: 1 }, 'notMapping', { file });
}
