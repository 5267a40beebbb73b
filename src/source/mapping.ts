import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every YAML file lawreport reads is a mapping at its top; a list or a scalar gets this. */
export function notMapping(file: string): Diagnostic {
  return diag('yaml-not-mapping', 'error', { file, line: 1, column: 1 }, loc(
    `${file} 的顶层必须是“键: 值”的映射，不能是列表或单个值。`,
    `The top level of ${file} must be a mapping of "key: value", not a list or a single value.`,
  ));
}
