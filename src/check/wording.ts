import type { Fix, Localized, RelatedLocation } from '../diagnostics/diagnostic.js';
import { locate, type ProseBlock } from './prose.js';
import type { Rule, RuleMeta } from './rule.js';

/** What a wording rule says about one match: its message, and a safe edit when there is one. */
export interface WordingFinding {
  message: Localized;
  hint?: Localized;
  /** Offsets relative to the match start; the edit replaces [from, to) with `text`. */
  edit?: { from: number; to: number; text: string };
  /** Where the finding sits relative to the match start (default: the whole match). */
  span?: [number, number];
  related?: RelatedLocation[];
}

/**
 * A rule over the prose of every chapter: a global pattern over the masked text (see prose.ts),
 * and a function deciding what each match means (undefined: a false alarm, skip it).
 */
export function wordingRule(
  meta: RuleMeta,
  pattern: RegExp,
  judge: (match: RegExpExecArray, block: ProseBlock, context: { year: number }) => WordingFinding | undefined,
): Rule {
  return {
    meta,
    check({ source, views, report }) {
      for (const { block, match, offset } of views.proseMatches(pattern)) {
        const found = judge(match, block, { year: source.config.year });
        if (!found) continue;
        const [from, to] = found.span ?? [0, match[0].length];
        const fix: Fix | undefined = found.edit && { range: [offset + found.edit.from, offset + found.edit.to], text: found.edit.text };
        report({
          ...locate(block.chapter, offset + from, offset + to),
          message: found.message,
          ...(found.hint ? { hint: found.hint } : {}),
          ...(found.related ? { related: found.related } : {}),
          ...(fix ? { fix } : {}),
        });
      }
    },
  };
}
