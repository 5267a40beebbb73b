import type { Diagnostic, Lang } from '../../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';
import { joinPath } from './paths.js';

/** One diagnostic with every field, its messages in `lang`: an item of schemas/check-output.schema.json. */
export function diagnosticJson(d: Diagnostic, lang: Lang, base: string) {
  return {
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
    fix: d.fix ? { range: d.fix.range, text: d.fix.text } : null,
    url: d.url ?? null,
  };
}

/**
 * Machine-readable: an array with every field of every diagnostic, messages in the chosen
 * language. The shape is schemas/check-output.schema.json.
 */
export const json: Formatter = (diagnostics, { lang, base }) => JSON.stringify(diagnostics.map((d) => diagnosticJson(d, lang, base)), null, 2) + '\n';
