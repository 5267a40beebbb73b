/**
 * One diagnostic type for every stage (load, validate, template, check, render).
 * Deep code returns these as values; only the CLI prints them.
 */
import { compareNames } from '../collate.js';

/**
 * The one home of where a diagnostic is documented: docs/rules.md, in the repository and in the
 * installed package (package.json `files`). A diagnostic's `url` is this path plus `#id`, relative
 * to lawreport's own folder, so values and written files are the same on every machine; what the
 * CLI prints for a reader (check --format json and sarif, diff --format json) resolves it against
 * where lawreport is installed (`resolveDocsUrl`, with the builtins host's `packageUrl()`).
 */
export const RULES_DOC = 'docs/rules.md';

export function docsUrl(id: string): string {
  return `${RULES_DOC}#${id}`;
}

/** A docs url a reader can open: against the package folder's file: URL when there is one (not in the single executable). */
export function resolveDocsUrl(url: string, packageUrl: string | undefined): string {
  return packageUrl ? new URL(url, packageUrl).href : url;
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

declare const declared: unique symbol;

/**
 * A diagnostic id as its declaration stamps it. Only a definition (`defineDiagnostic`) and the
 * rule runner (a rule's `meta`) make one, through `declaredId` in definition.ts: a diagnostic
 * cannot be raised by a bare string, so every id a user meets is one the registry lists.
 */
export type DiagnosticId = string & { readonly [declared]: true };

export interface Diagnostic extends Location {
  /** Stable id, documented in docs/rules.md. */
  ruleId: DiagnosticId;
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
