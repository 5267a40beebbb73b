import { Chalk } from 'chalk';
import { SEVERITY_LABEL, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { Sentence } from '../../../review/words.js';
import { joinPath } from '../paths.js';
import {
  chapterHeading, differenceText, existenceText, figureName, headline, isEmpty, outlineText, say, unavailableText, usesText, valueText, type DiffFormatter,
} from './describe.js';

/**
 * For a terminal: figures old → new with the difference and where they are printed, each changed
 * sentence whole with the change marked (colour, or git's [-old-]{+new+} without it), the outline,
 * the problems that appeared and were resolved.
 */
export const human: DiffFormatter = (diff, { lang, color, base }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [c.bold(headline(diff, base, lang))];
  const existence = existenceText(diff, lang);
  if (existence) lines.push(existence);
  if (isEmpty(diff)) {
    lines.push(say(lang, '没有变化：数据、正文、提纲和问题都相同。', 'No changes: figures, text, outline and problems are the same.'));
    return lines.join('\n') + '\n';
  }
  const section = (title: string) => lines.push('', c.bold(title));

  if (diff.figures.length > 0) {
    section(say(lang, `数据（${diff.figures.length} 项有变化）`, `Figures (${diff.figures.length} changed)`));
    for (const f of diff.figures) {
      const difference = differenceText(f, lang);
      const value = f.change === 'added' ? say(lang, `新增 ${valueText(f.after, f.unit)}`, `new ${valueText(f.after, f.unit)}`)
        : f.change === 'removed' ? say(lang, `删除（原为 ${valueText(f.before, f.unit)}）`, `removed (was ${valueText(f.before, f.unit)})`)
        : `${valueText(f.before, f.unit)} → ${valueText(f.after, f.unit)}${difference ? `（${difference}）` : ''}`;
      lines.push(`  ${figureName(f, lang)}  ${value}`);
      lines.push(c.dim(`      ${f.uses.length > 0 ? `${say(lang, '印在', 'printed at')} ` : ''}${usesText(f.uses, base, lang)}`));
    }
  }

  if (diff.text.length > 0) {
    section(say(lang, `正文（${diff.text.length} 处有改动）`, `Text (${diff.text.length} changed)`));
    for (const change of diff.text) {
      lines.push(`  ${chapterHeading(change, base, lang)}`);
      const unavailable = unavailableText(change, diff, lang);
      if (unavailable) lines.push(c.yellow(`    ${unavailable}`));
      for (const sentence of change.sentences) lines.push(`    ${marked(sentence, c)}`);
    }
  }

  if (diff.outline.length > 0) {
    section(say(lang, '提纲', 'Outline'));
    for (const change of diff.outline) lines.push(`  ${outlineText(change, base, lang)}`);
  }

  const { appeared, resolved } = diff.diagnostics;
  if (appeared.length + resolved.length > 0) {
    section(say(lang, `问题（新出现 ${appeared.length} 个，已解决 ${resolved.length} 个）`, `Problems (${appeared.length} new, ${resolved.length} resolved)`));
    const problem = (d: Diagnostic) => `${[joinPath(base, d.file), d.line].filter((x) => x !== undefined).join(':')}  ${SEVERITY_LABEL[d.severity][lang]}  ${d.message[lang]}  [${d.ruleId}]`;
    for (const d of appeared) lines.push(`  ${c.red(say(lang, '新出现', 'new'))}  ${problem(d)}`);
    for (const d of resolved) lines.push(`  ${c.green(say(lang, '已解决', 'resolved'))}  ${problem(d)}`);
  }
  return lines.join('\n') + '\n';
};

/** A sentence with its change marked: red struck-through and green in colour, [-…-]{+…+} (git's --word-diff) without. */
function marked(sentence: Sentence, c: InstanceType<typeof Chalk>): string {
  return sentence
    .map((p) => {
      if (p.change === 'removed') return c.level > 0 ? c.red.strikethrough(p.text) : `[-${p.text}-]`;
      if (p.change === 'added') return c.level > 0 ? c.green.underline(p.text) : `{+${p.text}+}`;
      return p.text;
    })
    .join('');
}
