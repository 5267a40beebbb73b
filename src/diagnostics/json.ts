import { resolveDocsUrl, type Diagnostic, type Lang } from './diagnostic.js';

/** One diagnostic as machine-readable JSON reads it: an item of schemas/check-output.schema.json. */
export interface JsonDiagnostic {
  ruleId: string;
  severity: Diagnostic['severity'];
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  message: string;
  hint: string | null;
  related: { file: string; line: number | null; column: number | null; message: string }[];
  fix: { range: [number, number]; text: string } | null;
  url: string | null;
}

/**
 * The one home of that shape: `check --format json` (one report or a batch) and the summary's JSON
 * both write it. `file` maps a report-relative path to the path the reader sees; `packageUrl`
 * (the CLI's printed JSON) makes the docs url one the reader can open, a written file keeps it
 * relative to lawreport's folder.
 */
export function jsonDiagnostic(d: Diagnostic, lang: Lang, file: (path: string) => string = (p) => p, packageUrl?: string): JsonDiagnostic {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    file: file(d.file),
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    message: d.message[lang],
    hint: d.hint?.[lang] ?? null,
    related: (d.related ?? []).map((r) => ({ file: file(r.file), line: r.line ?? null, column: r.column ?? null, message: r.message[lang] })),
    fix: d.fix ? { range: d.fix.range, text: d.fix.text } : null,
    url: d.url ? resolveDocsUrl(d.url, packageUrl) : null,
  };
}
