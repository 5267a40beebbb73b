import type { Formatter } from './types.js';
import { joinPath } from './paths.js';

/** Machine-readable: every field of every diagnostic, messages in the chosen language. */
export const json: Formatter = (diagnostics, { lang, base }) =>
  JSON.stringify(
    diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      file: joinPath(base, d.file),
      line: d.line ?? null,
      column: d.column ?? null,
      endLine: d.endLine ?? null,
      endColumn: d.endColumn ?? null,
      message: d.message[lang],
      hint: d.hint?.[lang] ?? null,
      related: (d.related ?? []).map((r) => ({ file: joinPath(base, r.file), line: r.line ?? null, column: r.column ?? null, message: r.message[lang] })),
    })),
    null,
    2,
  ) + '\n';
