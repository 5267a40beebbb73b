import { UsageError } from '../context.js';
import type { Formatter } from './types.js';
import { github } from './github.js';
import { human } from './human.js';
import { json } from './json.js';
import { sarif } from './sarif.js';

/** Formatters registered by name, as --format chooses them. */
export const formatters: Record<string, Formatter> = { human, json, github, sarif };

/** Refuses a --format name no formatter answers to (a usage error, exit 2). */
export function assertFormatter(name: string): void {
  if (formatters[name]) return;
  throw new UsageError(
    `未知的输出格式“${name}”，可用：${Object.keys(formatters).join('、')}。`,
    `Unknown format "${name}"; available: ${Object.keys(formatters).join(', ')}.`,
  );
}
