/**
 * One diagnostic type for every stage (load, validate, template, check, render).
 * Deep code returns these as values; only the CLI prints them.
 */
import { compareNames } from '../collate.js';

/** Where docs/rules.md is published: a diagnostic's `url` (SARIF helpUri) is this plus `#id`. */
export const RULES_DOCS_URL = 'https://lawreport.dev/docs/rules.md';

export function docsUrl(id: string): string {
  return `${RULES_DOCS_URL}#${id}`;
}

export type Severity = 'error' | 'warning' | 'info';

/** How each severity is named to a reader (human output, the preview's banner). */
export const SEVERITY_LABEL: Record<Severity, Localized> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** A message in both languages the CLI speaks; Chinese is the default. */
export interface Localized {
  zh: string;
  en: string;
}

export type Lang = keyof Localized;

export interface Location {
  /** Path relative to the report folder, with forward slashes. */
  file: string;
  /** 1-based. */
  line?: number;
  /** 1-based, in UTF-16 code units like editors and GitHub annotations count. */
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface RelatedLocation extends Location {
  message: Localized;
}

/** A text edit on one source file, in UTF-16 offsets of its whole text. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Diagnostic extends Location {
  /** Stable id, documented in docs/rules.md. */
  ruleId: string;
  severity: Severity;
  message: Localized;
  /** What the user can do about it. */
  hint?: Localized;
  related?: RelatedLocation[];
  fix?: Fix;
  /** Its documentation in docs/rules.md (SARIF helpUri). */
  url?: string;
}

export function loc(zh: string, en: string): Localized {
  return { zh, en };
}

/**
 * A diagnostic by id, its message written at the call. Only the import stage still raises this
 * way (its ids are declared in src/import/diagnostic-meta.ts); every other stage raises through its
 * definitions (src/diagnostics/definition.ts), messages beside the docs.
 */
export function diag(
  ruleId: string,
  severity: Severity,
  where: Location,
  message: Localized,
  extra: Pick<Diagnostic, 'hint' | 'related' | 'fix'> = {},
): Diagnostic {
  return { ruleId, severity, ...where, message, ...extra, url: docsUrl(ruleId) };
}

/** The diagnostic with its paths (and its related places') mapped: report-relative → as seen from where the command ran. */
export function relocate(d: Diagnostic, file: (path: string) => string): Diagnostic {
  const moved = { ...d, file: file(d.file) };
  if (d.related) moved.related = d.related.map((r) => ({ ...r, file: file(r.file) }));
  return moved;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for output: by file, then position, then severity and rule. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareNames(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compareNames(a.ruleId, b.ruleId),
  );
}

/** Drops exact repeats (same rule, place and message), keeping the first. */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = [d.ruleId, d.file, d.line, d.column, d.message.zh].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
