import type { Block } from './structure.js';

/** A piece of chapter text: literal prose (escaped) or a template reference (kept as is). */
export type Segment = { text: string } | { ref: string };

/**
 * Escapes prose so Markdown and Handlebars print it as written. Every "{" becomes "\\{": then
 * no "{{" is left for Handlebars to read, and Markdown prints "\\{" as "{".
 */
export function escapeProse(text: string, atLineStart: boolean): string {
  let out = text.replace(/[\\`*_[\]<>|~{]/g, '\\$&');
  if (atLineStart) out = out.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
  return out;
}

function inline(segments: Segment[]): string {
  return segments.map((s, i) => ('ref' in s ? s.ref : escapeProse(s.text, i === 0))).join('');
}

/**
 * Chapter blocks → Markdown: ## / ### / #### headings without typed numbers (the compiler
 * numbers them), paragraphs, long numbered items as an ordered list.
 */
export function blocksToMarkdown(blocks: Block[], segmentsOf: (b: Block) => Segment[]): string {
  const out: string[] = [];
  let item = 0;
  for (const b of blocks) {
    const text = inline(segmentsOf(b));
    if (b.kind === 'item') {
      item++;
      out.push(`${item}. ${text}`);
      continue;
    }
    if (b.kind === 'continuation' && item > 0) {
      // Indented to the item's content ("10. " is four wide) so it stays inside the item.
      out.push(`${' '.repeat(String(item).length + 2)}${text}`);
      continue;
    }
    item = 0;
    out.push(b.kind === 'heading' ? `${'#'.repeat(b.level)} ${text}` : text);
  }
  return out.join('\n\n');
}
