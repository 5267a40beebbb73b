import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FigureRecord, FigureUse } from '../model.js';
import type { PrintedChapter, ReviewSide } from './side.js';
import { changedSentences, type Sentence } from './words.js';

/** What changed between two versions of a report: the one value every diff format prints. */
export interface ReportDiff {
  before: SideInfo;
  after: SideInfo;
  figures: FigureChange[];
  text: TextChange[];
  outline: OutlineChange[];
  diagnostics: { appeared: Diagnostic[]; resolved: Diagnostic[] };
}

export interface SideInfo {
  label: string;
  /** The version holds a report at all (a revision before the report was written does not). */
  exists: boolean;
}

export interface FigureChange {
  id: string;
  label: string;
  unit: string;
  computed: boolean;
  formula?: FigureRecord['formula'];
  change: 'changed' | 'added' | 'removed';
  before?: FigureValue;
  after?: FigureValue;
  /** after − before, when both are numbers (for a percentage: in percentage points). */
  difference?: number;
  /** Where the text prints it: the new version's places (the old one's for a figure removed). */
  uses: FigureUse[];
}

export interface FigureValue {
  value: number | string;
  /** What the text prints, each wording once ("66件"). */
  printed: string[];
}

/** The printed text of one chapter (or of the title, signature and date: key "closing"), as changed sentences. */
export interface TextChange {
  key: string;
  change: 'changed' | 'added' | 'removed';
  file: string;
  number: string;
  title: string;
  sentences: Sentence[];
  /** A version in which the chapter does not compile (its diagnostics say why): its text cannot be compared. */
  unavailable?: 'before' | 'after';
}

export type OutlineChange =
  | { kind: 'added' | 'removed'; key: string; file: string; number: string; title: string }
  | { kind: 'renamed'; key: string; from: string; to: string; title: string }
  | { kind: 'retitled'; key: string; file: string; from: string; to: string }
  /** The chapter's number changed; `reordered`: it moved among the chapters both versions have (not only shifted by one added or removed). */
  | { kind: 'renumbered'; key: string; file: string; title: string; from: string; to: string; reordered: boolean };

export function compareReports(before: ReviewSide, after: ReviewSide): ReportDiff {
  return {
    before: { label: before.label, exists: before.exists },
    after: { label: after.label, exists: after.exists },
    figures: compareFigures(before.figures, after.figures),
    text: compareText(before, after),
    outline: compareOutline(before.chapters, after.chapters),
    diagnostics: compareDiagnostics(before.diagnostics, after.diagnostics),
  };
}

function compareFigures(before: readonly FigureRecord[], after: readonly FigureRecord[]): FigureChange[] {
  const old = new Map(before.map((f) => [f.id, f]));
  const changes: FigureChange[] = [];
  const valueOf = (f: FigureRecord): FigureValue => ({ value: f.value, printed: [...new Set(f.uses.map((u) => u.printed))] });
  const describe = (f: FigureRecord) => ({ id: f.id, label: f.label, unit: f.unit, computed: f.computed, ...(f.formula ? { formula: f.formula } : {}) });
  for (const f of after) {
    const o = old.get(f.id);
    old.delete(f.id);
    if (!o) {
      changes.push({ ...describe(f), change: 'added', after: valueOf(f), uses: f.uses });
      continue;
    }
    if (String(o.value) === String(f.value)) continue;
    const difference = typeof o.value === 'number' && typeof f.value === 'number' ? subtract(f.value, o.value) : undefined;
    changes.push({ ...describe(f), change: 'changed', before: valueOf(o), after: valueOf(f), ...(difference === undefined ? {} : { difference }), uses: f.uses });
  }
  for (const o of old.values()) changes.push({ ...describe(o), change: 'removed', before: valueOf(o), uses: o.uses });
  return changes;
}

/** a − b at the decimals the two are written with (97.06 − 94.12 is 2.94, not 2.9400000000000004). */
function subtract(a: number, b: number): number {
  const decimals = Math.max(...[a, b].map((n) => (String(n).split('.')[1] ?? '').length));
  return Number((a - b).toFixed(Math.min(decimals, 10)));
}

function compareText(before: ReviewSide, after: ReviewSide): TextChange[] {
  const old = new Map(before.chapters.map((c) => [c.key, c]));
  const changes: TextChange[] = [];
  const entry = (c: PrintedChapter, change: TextChange['change'], sentences: Sentence[], unavailable?: 'before' | 'after'): TextChange => ({
    key: c.key, change, file: c.file, number: c.number, title: c.title, sentences, ...(unavailable ? { unavailable } : {}),
  });
  for (const c of after.chapters) {
    const o = old.get(c.key);
    old.delete(c.key);
    if (!o) {
      changes.push(entry(c, 'added', changedSentences([], c.blocks ?? []), c.blocks ? undefined : 'after'));
    } else if (!o.blocks || !c.blocks) {
      changes.push(entry(c, 'changed', [], o.blocks ? 'after' : 'before'));
    } else {
      const sentences = changedSentences(o.blocks, c.blocks);
      if (sentences.length > 0) changes.push(entry(c, 'changed', sentences));
    }
  }
  for (const o of old.values()) changes.push(entry(o, 'removed', changedSentences(o.blocks ?? [], []), o.blocks ? undefined : 'before'));
  // Compared where both versions print one (a report that does not compile prints nothing, for reasons its problems give).
  const closing = !before.exists || !after.exists ? changedSentences(before.closing ?? [], after.closing ?? []) : before.closing && after.closing ? changedSentences(before.closing, after.closing) : [];
  if (closing.length > 0) changes.push({ key: 'closing', change: 'changed', file: 'lawreport.yaml', number: '', title: '', sentences: closing });
  return changes;
}

function compareOutline(before: readonly PrintedChapter[], after: readonly PrintedChapter[]): OutlineChange[] {
  const old = new Map(before.map((c) => [c.key, c]));
  const now = new Map(after.map((c) => [c.key, c]));
  const changes: OutlineChange[] = [];
  // The chapters both versions have, in each version's order: a chapter whose place among them differs was reordered.
  const commonBefore = before.filter((c) => now.has(c.key)).map((c) => c.key);
  const commonAfter = after.filter((c) => old.has(c.key)).map((c) => c.key);
  for (const c of after) {
    const o = old.get(c.key);
    if (!o) {
      changes.push({ kind: 'added', key: c.key, file: c.file, number: c.number, title: c.title });
      continue;
    }
    if (o.file !== c.file) changes.push({ kind: 'renamed', key: c.key, from: o.file, to: c.file, title: c.title });
    if (o.title !== c.title) changes.push({ kind: 'retitled', key: c.key, file: c.file, from: o.title, to: c.title });
    if (o.number !== c.number) {
      const reordered = commonBefore.indexOf(c.key) !== commonAfter.indexOf(c.key);
      changes.push({ kind: 'renumbered', key: c.key, file: c.file, title: c.title, from: o.number, to: c.number, reordered });
    }
  }
  for (const o of before) if (!now.has(o.key)) changes.push({ kind: 'removed', key: o.key, file: o.file, number: o.number, title: o.title });
  return changes;
}

/** The same problem in both versions is the same rule, file and message, wherever its line moved. */
function compareDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): ReportDiff['diagnostics'] {
  const key = (d: Diagnostic) => [d.ruleId, d.file, d.message.zh].join('\0');
  const minus = (a: readonly Diagnostic[], b: readonly Diagnostic[]) => {
    const left = new Map<string, number>();
    for (const d of b) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
    return a.filter((d) => {
      const n = left.get(key(d)) ?? 0;
      if (n > 0) left.set(key(d), n - 1);
      return n === 0;
    });
  };
  return { appeared: minus(after, before), resolved: minus(before, after) };
}
