/**
 * One diagnostic type for every stage (load, validate, template, check, render).
 * Deep code returns these as values; only the CLI prints them.
 */

export type Severity = 'error' | 'warning' | 'info';

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
}

export function loc(zh: string, en: string): Localized {
  return { zh, en };
}

export function diag(
  ruleId: string,
  severity: Severity,
  where: Location,
  message: Localized,
  extra: Pick<Diagnostic, 'hint' | 'related' | 'fix'> = {},
): Diagnostic {
  return { ruleId, severity, ...where, message, ...extra };
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
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
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

/** Thrown only for conditions that stop a run before any result exists (unreadable folder). */
export class FatalError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(diagnostics[0]?.message.en ?? 'fatal error');
    this.name = 'FatalError';
  }
}
