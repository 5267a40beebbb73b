import type { Rule } from '../check/rule.js';
import { runRules } from '../check/run.js';
import { rules as builtinRules } from '../check/rules/index.js';
import type { Diagnostic, Fix } from '../diagnostics/diagnostic.js';
import { applyFixes } from '../fix/apply.js';
import { overlayHost, type SourceHost } from '../io/host.js';
import { loadReport, type LoadOptions } from '../load/report.js';
import { isUnreadSource } from '../source/read.js';
import type { Session } from '../session.js';
import { formatMarkdown } from './markdown.js';

/** Overlapping fixes are settled over passes; a text still changing after this many is left as it is. */
export const MAX_PASSES = 10;

export interface FormatOptions {
  /** Apply the safe fixes of fixable rules (lawreport fmt --fix). */
  fix: boolean;
  /** Rewrite the chapters in remark-stringify's stable form (default true; check --fix only fixes). */
  markdown?: boolean;
  rules?: readonly Rule[];
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
  /** The fixes applied to it, across passes (ranges refer to the text of their pass). */
  fixes: Diagnostic[];
  /** Each pass: the text it started from and the fixes it applied (for tests and --debug). */
  history: { text: string; fixes: Fix[] }[];
}

export interface FormatResult {
  changes: FileChange[];
  /** Load problems that stopped formatting (an unreadable lawreport.yaml, …). */
  diagnostics: Diagnostic[];
  passes: number;
}

/**
 * The stable form of every chapter, with the safe fixes applied when asked. Nothing is written:
 * the CLI writes `changes`. Each pass re-reads the report with the edits so far (in memory),
 * re-runs the fixable rules and applies the fixes that do not overlap; the next pass sees fresh
 * ranges. Stops when a pass changes nothing, after at most MAX_PASSES.
 */
export async function formatReport(host: SourceHost, session: Session, options: FormatOptions, load: LoadOptions = {}): Promise<FormatResult> {
  const rules = (options.rules ?? builtinRules).filter((r) => r.meta.fixable);
  const edits = new Map<string, string>();
  const applied = new Map<string, Diagnostic[]>();
  const originals = new Map<string, string>();
  const history = new Map<string, FileChange['history']>();
  let passes = 0;
  for (; passes < MAX_PASSES; passes++) {
    const loaded = await loadReport(overlayHost(host, edits), session, load);
    if (!loaded.source) return { changes: [], diagnostics: loaded.diagnostics, passes };
    // A chapter that was not read cannot be formatted, and "every chapter is formatted" would be untrue.
    const unread = loaded.diagnostics.filter(isUnreadSource);
    if (unread.length > 0) return { changes: [], diagnostics: unread, passes };
    let changed = false;
    const found = options.fix ? runRules(loaded.source, rules, { validators: session.validators }).filter((d) => d.fix) : [];
    // The chapters, rewritten in stable Markdown; metrics.yaml only fixed (full-width digits), never reformatted.
    const texts = loaded.source.chapters.map((c) => ({ file: c.file, text: c.text, markdown: options.markdown !== false }));
    if (loaded.source.metricsDoc) texts.push({ file: loaded.source.metricsDoc.file, text: loaded.source.metricsDoc.text, markdown: false });
    for (const { file, text, markdown } of texts) {
      if (!originals.has(file)) originals.set(file, text);
      const mine = found.filter((d) => d.file === file);
      const result = applyFixes(text, mine.map((d) => d.fix as Fix));
      const taken = new Set(result.applied);
      applied.set(file, [...(applied.get(file) ?? []), ...mine.filter((d) => taken.has(d.fix!))]);
      if (result.applied.length > 0) history.set(file, [...(history.get(file) ?? []), { text, fixes: result.applied }]);
      const next = markdown ? formatMarkdown(result.text) : result.text;
      if (next !== text) {
        edits.set(file, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const changes: FileChange[] = [];
  for (const [file, after] of edits) {
    const before = originals.get(file)!;
    if (after !== before) changes.push({ file, before, after, fixes: applied.get(file) ?? [], history: history.get(file) ?? [] });
  }
  return { changes: changes.sort((a, b) => a.file.localeCompare(b.file)), diagnostics: [], passes };
}
