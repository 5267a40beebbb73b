import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import type { LineIndex } from './line-index.js';

/**
 * Where each character of a derived text (a filled template) came from in its source: text
 * copied from the source maps one to one, the output of an expression maps to the expression.
 * Segments are in output order; `exact` ones advance with the output.
 */
export class OffsetMap {
  private readonly outs: number[] = [];
  private readonly srcs: number[] = [];
  private readonly exact: boolean[] = [];

  /** From output offset `out` on, characters come from `src` (one to one when `exact`). */
  add(out: number, src: number, exact: boolean): void {
    this.outs.push(out);
    this.srcs.push(src);
    this.exact.push(exact);
  }

  toSource(offset: number): number {
    let lo = 0;
    let hi = this.outs.length - 1;
    if (hi < 0) return offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.outs[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (this.outs[lo]! > offset) return this.srcs[lo]!;
    return this.exact[lo] ? this.srcs[lo]! + (offset - this.outs[lo]!) : this.srcs[lo]!;
  }
}

/**
 * One `{{…}}` of a template with only text and expressions: the source's characters
 * [from, to) became `text` in the filled text, and everything between expressions is an exact copy.
 */
export interface Substitution {
  from: number;
  to: number;
  text: string;
}

/**
 * A diagnostic found in a derived text, moved to its source: line and column (and the end, and
 * related places in the same file) go through the output's offsets to the source's.
 */
export function mapToSource(diagnostic: Diagnostic, output: LineIndex, map: OffsetMap, source: LineIndex): Diagnostic {
  const move = <L extends Location>(l: L): L => {
    if (l.file !== diagnostic.file || l.line === undefined) return l;
    const start = source.position(map.toSource(output.offset(l.line, l.column ?? 1)));
    const moved = { ...l, line: start.line, column: start.column };
    if (l.endLine !== undefined) {
      const end = source.position(map.toSource(output.offset(l.endLine, l.endColumn ?? 1)));
      moved.endLine = end.line;
      moved.endColumn = end.column;
    }
    return moved;
  };
  const moved = move(diagnostic);
  if (diagnostic.related) moved.related = diagnostic.related.map(move);
  return moved;
}

