/**
 * Finding `{{…}}` in text without parsing it as a template: the one scanner, for the wording
 * rules (which leave expressions alone), fmt (which keeps them byte for byte), outline titles and
 * the outline rules (which read past them).
 */
export const MUSTACHE = /\{\{[\s\S]*?\}\}\}?/g;

/** {{! note }} and {{!-- note --}}: print nothing. */
const COMMENT = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;

export interface Mustache {
  start: number;
  end: number;
  source: string;
}

/** Every `{{…}}` in `text`, at its offsets. */
export function findMustaches(text: string): Mustache[] {
  const out: Mustache[] = [];
  for (const m of text.matchAll(MUSTACHE)) out.push({ start: m.index, end: m.index + m[0].length, source: m[0] });
  return out;
}

/** `text` with template comments removed: what a reader of the filled text will not see. */
export function withoutTemplateComments(text: string): string {
  return text.replace(COMMENT, '');
}

/** `text` with every expression removed ("2022年度主要工作" and "{{report.year}}年度主要工作" compare alike). */
export function withoutMustaches(text: string): string {
  return text.replace(MUSTACHE, '');
}

/** Whether some expression in `text` names `path` (as a value or a helper argument): {{fig a.b}}, {{pct a.b c.d}}. */
export function mentionsPath(text: string, path: string): boolean {
  const name = new RegExp(`(?<![\\w.])${path.replace(/\./g, '\\.')}(?![\\w.])`);
  return findMustaches(text).some((m) => name.test(m.source));
}

/** A block opened by `{{#name …}}` or `{{^name …}}` and never closed. */
export interface UnclosedBlock {
  start: number;
  name: string;
  source: string;
}

/**
 * The innermost block `text` opens and never closes, else an opening `{{` that has no `}}`:
 * Handlebars only says it met the end of the file, and the writer needs the place that opened it.
 * Comments and escaped `\{{` are not expressions. One pass over the expressions, with a stack.
 */
export function unclosedBlock(text: string): UnclosedBlock | undefined {
  const comments = [...text.matchAll(COMMENT)].map((m) => [m.index, m.index + m[0].length] as const);
  let c = 0;
  const open: UnclosedBlock[] = [];
  let lastEnd = 0;
  for (const m of findMustaches(text)) {
    while (c < comments.length && comments[c]![1] <= m.start) c++;
    lastEnd = m.end;
    if (c < comments.length && comments[c]![0] <= m.start) continue;
    if (text[m.start - 1] === '\\' && text[m.start - 2] !== '\\') continue;
    const tag = /^\{\{~?\s*([#^/])\s*([^\s}~]+)/.exec(m.source);
    if (!tag) continue;
    if (tag[1] !== '/') open.push({ start: m.start, name: tag[2]!, source: m.source });
    else if (open.length > 0 && open[open.length - 1]!.name === tag[2]) open.pop();
  }
  if (open.length > 0) return open[open.length - 1];
  const stray = text.indexOf('{{', lastEnd);
  return stray >= 0 ? { start: stray, name: '', source: text.slice(stray, stray + 20).split('\n')[0]! } : undefined;
}
