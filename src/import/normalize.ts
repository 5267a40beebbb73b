import { matchForm } from './match-form.js';
import type { SourceLine } from './source-line.js';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff，。；：、！？（）“”‘’《》【】';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0\\u3000]+(?=[${CJK}])`, 'g');

/**
 * Cleans one line without touching the prose's punctuation: CR, BOM and zero-width marks
 * go; full-width digits become ASCII (GB/T 15835, and figures are found by them); spaces
 * that web pages justify Chinese text with are removed; spaces inside a typed number
 * (「（ 一 ）」, 「1 、」) go so numbering is recognised.
 */
export function normalizeLine(text: string): string {
  return text
    .replace(/[\r\ufeff\u200b-\u200d\u2060]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(SPACE_BETWEEN_CJK, '$1')
    .replace(/^\s*([（(])\s*([一二三四五六七八九十\d]+)\s*([）)])/, '$1$2$3')
    .replace(/^\s*([一二三四五六七八九十\d]+)\s+([、.．])/, '$1$2')
    .trim();
}

/**
 * A page that lost its line breaks (a document shown as one paragraph, words still spaced where
 * its lines wrapped) is cut before each typed heading number and after its title. Decided on the
 * match form, before the spaces between Chinese characters are taken out.
 */
export function unflatten(raw: string): string[] {
  if (raw.length < 300 || (raw.match(/[ \u3000\u00a0]/g)?.length ?? 0) < 5) return [raw];
  const form = matchForm(raw);
  const cuts: number[] = [];
  const head = /^(.{6,60}?(?:报告|总结|汇报)) +(?=\S)/.exec(form.text);
  if (head) cuts.push(head[1]!.length);
  for (const m of form.text.matchAll(/ +(?=(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[、.](?!\d)))/g)) cuts.push(m.index!);
  const parts: string[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    parts.push(raw.slice(form.at[from], form.at[cut]));
    from = cut;
  }
  parts.push(raw.slice(form.at[from]));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Plain text (TXT or Markdown) → lines; Markdown heading marks give a level, list marks go. */
export function textLines(text: string, markdown: boolean): SourceLine[] {
  const lines: SourceLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let styleLevel: number | undefined;
    let line = raw;
    if (markdown) {
      const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) {
        styleLevel = heading[1]!.length;
        line = heading[2]!;
      } else {
        line = line.replace(/^\s{0,3}[-*+]\s+/, '').replace(/^\s{0,3}>\s?/, '');
      }
      line = line.replace(/\*\*|__/g, '').replace(/<!--.*?-->/g, '');
    }
    for (const part of markdown ? [line] : unflatten(line)) {
      const text = normalizeLine(part);
      if (text) lines.push({ text, no: i + 1, styleLevel });
    }
  });
  return lines;
}
