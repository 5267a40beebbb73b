import type { Nodes, Parent, Root, Text } from 'mdast';
import type { Substitution } from '../source/offset-map.js';

/**
 * The filled chapter's tree made from its source's tree instead of parsing the filled text again,
 * when that is certain to give the same tree; undefined otherwise (the caller parses).
 *
 * It is certain when every `{{…}}` sits inside plain prose and is replaced by a word:
 * - the expression lies inside one text node whose source is its value (no escapes, no entities),
 *   and touches its ends only where no inline sibling is (the start or end of a paragraph, heading
 *   or table cell), because the flanking of `*`, `_` and `~` runs depends on their neighbours;
 * - the node's other characters and the output are letters, digits, CJK and `. , % + - / ; ?`
 *   only, which start and close no inline construct; the expression itself holds no character that
 *   starts one except `_`, which in the source tree is then an unmatched delimiter, and removing an
 *   unmatched delimiter changes no other match;
 * - a letter, a CJK character or a `|` comes before the expression on its line, or the output
 *   (read on into the source) is digits, if any, then a letter or CJK: either way the line starts
 *   the same block (list, heading, quote, code, HTML and definition markers are all ASCII
 *   punctuation, digits and spaces); and the output holds a letter, digit or CJK character, so no
 *   line becomes a thematic break, a setext underline or a table's delimiter row;
 * - neither text of the block (paragraph, heading, cell) holds `www`, `@` or `:`, so no GFM
 *   literal autolink appears or vanishes;
 * - the output holds no line break or whitespace, so every line keeps its number and only the
 *   offsets after an expression, and the columns after it on its line, move.
 * The whole chapter takes this path or none of it does.
 */
export function substitutedTree(tree: Root, source: string, substitutions: readonly Substitution[]): Root | undefined {
  // A lone carriage return ends a line for micromark, not for the line count below.
  if (/\r(?!\n)/.test(source)) return undefined;
  const subs = merged(substitutions);
  const texts = textNodes(tree);
  const lines = linesOf(source, subs);
  const byText = new Map<TextPlace, Substitution[]>();
  let t = 0;
  for (let k = 0; k < subs.length; k++) {
    const sub = subs[k]!;
    while (t < texts.length && end(texts[t]!.node) < sub.to) t++;
    const place = texts[t];
    if (!place || start(place.node) > sub.from) return undefined;
    if (!SPAN.test(source.slice(sub.from, sub.to)) || !isOutput(sub.text) || !isWordy(sub.text)) return undefined;
    const siblings = place.parent.children;
    const first = siblings[0] === place.node;
    const last = siblings[siblings.length - 1] === place.node;
    if (start(place.node) === sub.from && !(first && BLOCKS.has(place.parent.type))) return undefined;
    if (end(place.node) === sub.to && !(last && BLOCKS.has(place.parent.type))) return undefined;
    const before = source.slice(source.lastIndexOf('\n', sub.from - 1) + 1, sub.from);
    if (!hasStopper(before) && !isLeading(sub.text + source.slice(sub.to, sub.to + 2))) return undefined;
    const list = byText.get(place) ?? [];
    list.push(sub);
    byText.set(place, list);
  }

  const values = new Map<Text, string>();
  const blocks = new Set<Nodes>();
  for (const [place, list] of byText) {
    if (!INLINE_PARENTS.has(place.parent.type)) return undefined;
    const from = start(place.node);
    const to = end(place.node);
    if (source.slice(from, to) !== place.node.value) return undefined;
    const filled = replaced(source, from, to, list);
    if (!isProse(filled)) return undefined;
    if (!place.block?.position) return undefined;
    blocks.add(place.block);
    values.set(place.node, filled);
  }
  for (const block of blocks) {
    const from = start(block);
    const to = end(block);
    if (AUTOLINK.test(source.slice(from, to)) || AUTOLINK.test(replaced(source, from, to, subs.filter((s) => s.from >= from && s.to <= to)))) return undefined;
  }
  return copy(tree, shifter(subs, lines), values) as Root;
}

/**
 * The characters of plain words beyond ASCII: not ASCII, no space, no control or format character
 * (`[^\x00-\x7F\s\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]`). One expression holds this large class and the
 * tests below strip what it matches and look at the rest with ASCII-only expressions: V8 builds
 * such a class anew for every expression holding it, and for each width of string it meets, at
 * its first use (≈ 0.5 ms each; five expressions held it: ≈ 12 M instructions of a build).
 */
const OTHER = /[^\x00-\x7F\s\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;
const withoutOther = (text: string) => text.replace(OTHER, '');
/** Characters of plain words in ASCII: no punctuation that starts, closes or flanks an inline construct. */
const WORD_ONLY = /^[A-Za-z0-9.,%+\-/;?]*$/;
const PROSE_ONLY = /^[A-Za-z0-9.,%+\-/;? \n]*$/;

/** `^(?:[WORD]|OTHER)+$`: a word, one or more characters of plain words. */
export const isOutput = (text: string) => text !== '' && WORD_ONLY.test(withoutOther(text));
/** `^(?:[WORD \n]|OTHER)*$`: plain words, spaces and line breaks only. */
export const isProse = (text: string) => PROSE_ONLY.test(withoutOther(text));
/** `[A-Za-z0-9]|OTHER`: holds a letter, a digit or a character of plain words beyond ASCII. */
export const isWordy = (text: string) => /[A-Za-z0-9]/.test(text) || withoutOther(text).length !== text.length;
/** `[A-Za-z|]|OTHER`: holds a letter, a `|` or a character of plain words beyond ASCII (it stops a line from starting a block). */
export const hasStopper = (text: string) => /[A-Za-z|]/.test(text) || withoutOther(text).length !== text.length;
/** `^[0-9]*(?:[A-Za-z]|OTHER)`: an output that may begin a line's content: digits, if any, then a letter or CJK (so no ordered-list marker). */
export function isLeading(text: string): boolean {
  const rest = text.replace(/^[0-9]*/, '');
  if (rest === '') return false;
  const first = String.fromCodePoint(rest.codePointAt(0)!);
  return /^[A-Za-z]$/.test(first) || withoutOther(first) === '';
}
/** What an expression's source may hold: no line break, nothing that starts an inline construct (`_` is argued above). */
const SPAN = /^[^\n\r\\`*~[\]!<>&|:@]*$/;
const AUTOLINK = /www|[@:]/i;
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link']);

interface TextPlace {
  node: Text;
  parent: Parent;
  /** The nearest paragraph, heading or table cell around it. */
  block?: Nodes;
}

const start = (node: Nodes) => node.position!.start.offset!;
const end = (node: Nodes) => node.position!.end.offset!;

function textNodes(tree: Root): TextPlace[] {
  const found: TextPlace[] = [];
  const visit = (node: Parent, block: Nodes | undefined) => {
    for (const child of node.children) {
      if (child.type === 'text') {
        if (child.position) found.push({ node: child, parent: node, block });
      } else if ('children' in child) visit(child, BLOCKS.has(child.type) ? child : block);
    }
  };
  visit(tree, undefined);
  return found;
}

/** Expressions written next to each other are one replacement: their outputs cannot be told apart by the text. */
function merged(substitutions: readonly Substitution[]): Substitution[] {
  const out: Substitution[] = [];
  for (const s of substitutions) {
    const prev = out[out.length - 1];
    if (prev && prev.to === s.from) out[out.length - 1] = { from: prev.from, to: s.to, text: prev.text + s.text };
    else out.push({ ...s });
  }
  return out;
}

/** The line of each substitution's start, counted in one pass. */
function linesOf(text: string, subs: readonly Substitution[]): number[] {
  let line = 1;
  let at = 0;
  return subs.map((s) => {
    for (let i = text.indexOf('\n', at); i >= 0 && i < s.from; i = text.indexOf('\n', i + 1)) line++;
    at = s.from;
    return line;
  });
}

/** source[from, to) with the substitutions inside it applied. */
function replaced(source: string, from: number, to: number, subs: readonly Substitution[]): string {
  let out = '';
  let at = from;
  for (const s of subs) {
    out += source.slice(at, s.from) + s.text;
    at = s.to;
  }
  return out + source.slice(at, to);
}

type Point = { line: number; column: number; offset?: number };

/** Moves a source point to the filled text: by every replacement before it, and its column by those before it on its line. */
function shifter(subs: readonly Substitution[], lines: readonly number[]): (p: Point) => Point {
  const ends = subs.map((s) => s.to);
  const total = [0];
  for (const s of subs) total.push(total[total.length - 1]! + s.text.length - (s.to - s.from));
  return (p) => {
    if (p.offset === undefined) return { ...p };
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= p.offset) lo = mid + 1;
      else hi = mid;
    }
    let first = lo;
    while (first > 0 && lines[first - 1] === p.line) first--;
    return { ...p, column: p.column + total[lo]! - total[first]!, offset: p.offset + total[lo]! };
  };
}

/** A deep copy of the tree with points moved and the replaced texts' values; compiling changes its own tree, never the rules'. */
function copy(value: unknown, move: (p: Point) => Point, values: Map<Text, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => copy(v, move, values));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'position' && v) {
      const position = v as { start: Point; end: Point };
      out[key] = { ...position, start: move(position.start), end: move(position.end) };
    } else out[key] = copy(v, move, values);
  }
  const replacement = values.get(value as Text);
  if (replacement !== undefined) out.value = replacement;
  return out;
}
