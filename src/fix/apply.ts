import type { Fix } from '../diagnostics/diagnostic.js';

export interface Applied {
  text: string;
  /** Fixes applied, in order. */
  applied: Fix[];
  /** Fixes left for a later pass because they overlap one already taken. */
  deferred: Fix[];
}

/**
 * Applies non-overlapping fixes to one text in a single pass (ESLint's approach): sorted by
 * start, a fix overlapping an earlier one waits for the next pass, when it is computed afresh.
 * Two insertions at the same point also wait, so their order never depends on rule order.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): Applied {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  let out = '';
  let at = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < 0 || end > text.length || start > end) continue;
    if (start < lastEnd || (start === lastEnd && applied.length > 0 && start === end)) {
      deferred.push(fix);
      continue;
    }
    if (text.slice(start, end) === fix.text) continue; // no change
    out += text.slice(at, start) + fix.text;
    at = end;
    lastEnd = end;
    applied.push(fix);
  }
  return { text: out + text.slice(at), applied, deferred };
}
