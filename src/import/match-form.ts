import { Converter } from 'opencc-js/t2cn';

/**
 * The form a line is matched in, with the way back to the line as written. `at[i]` is the offset
 * in the written text of match character i; `at[text.length]` is the written text's length.
 */
export interface MatchForm {
  text: string;
  at: number[];
}

/** Traditional → simplified (OpenCC's dictionaries), built on first use: only import needs it. */
let toSimplified: ((text: string) => string) | undefined;

/** A pinyin gloss a converter put after a character: 「建設(shè)」, 「規(guī)范」. Tone marks make it pinyin. */
const GLOSS = /(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)/g;

/**
 * One normalisation before any matching (the prose itself is kept as written): NFKC folds
 * Kangxi radicals (「⼀」 U+2F00), compatibility ideographs, full-width letters, digits and
 * punctuation (「，」 → 「,」) and enclosed numbers (「㈠」 → 「(一)」); pinyin glosses go;
 * traditional characters become simplified.
 */
export function matchForm(written: string): MatchForm {
  let text = '';
  const at: number[] = [];
  let offset = 0;
  for (const ch of written) {
    const folded = ch.normalize('NFKC');
    for (let i = 0; i < folded.length; i++) at.push(offset);
    text += folded;
    offset += ch.length;
  }
  at.push(offset);
  if (text.includes('(')) {
    let kept = '';
    const keptAt: number[] = [];
    let from = 0;
    for (const m of text.matchAll(GLOSS)) {
      kept += text.slice(from, m.index);
      keptAt.push(...at.slice(from, m.index));
      from = m.index! + m[0].length;
    }
    if (from > 0) {
      text = kept + text.slice(from);
      at.splice(0, at.length, ...keptAt, ...at.slice(from));
    }
  }
  const convert = (toSimplified ??= Converter({ from: 't', to: 'cn' }));
  const simplified = convert(text);
  // Phrase conversions keep the length as a rule; where one does not, convert character by character.
  text = simplified.length === text.length ? simplified : [...text].map((c) => (convert(c).length === c.length ? convert(c) : c)).join('');
  return { text, at };
}

/** The written text from match offset `start` to `end` (the whole rest by default). */
export function writtenSlice(written: string, form: MatchForm, start: number, end = form.text.length): string {
  return written.slice(form.at[start], form.at[end]);
}
