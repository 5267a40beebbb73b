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
