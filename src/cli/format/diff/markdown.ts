import { SEVERITY_LABEL, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { Sentence } from '../../../review/words.js';
import { joinPath } from '../paths.js';
import {
  chapterHeading, differenceText, existenceText, figureName, headline, isEmpty, outlineText, say, unavailableText, usesText, valueText, type DiffFormatter,
} from './describe.js';

/**
 * GitHub-flavoured Markdown for a job's step summary ($GITHUB_STEP_SUMMARY) or a merge-request
 * comment: a table of the figures, each changed sentence with <del>/<ins> (emphasis marks break
 * beside Chinese punctuation; these tags do not), a chapter added or removed folded in <details>.
 */
export const markdown: DiffFormatter = (diff, { lang, base }) => {
  const out: string[] = [`### lawreport diff：${escape(headline(diff, base, lang))}`, ''];
  const existence = existenceText(diff, lang);
  if (existence) out.push(escape(existence), '');
  if (isEmpty(diff)) {
    out.push(say(lang, '没有变化：数据、正文、提纲和问题都相同。', 'No changes: figures, text, outline and problems are the same.'), '');
    return out.join('\n') + '\n';
  }

  if (diff.figures.length > 0) {
    out.push(`#### ${say(lang, `数据（${diff.figures.length} 项有变化）`, `Figures (${diff.figures.length} changed)`)}`, '');
    out.push(say(lang, '| 数据 | 原值 | 新值 | 变化 | 正文中印在 |', '| figure | old | new | change | printed at |'), '| --- | ---: | ---: | ---: | --- |');
    for (const f of diff.figures) {
      const change = f.change === 'added' ? say(lang, '新增', 'new') : f.change === 'removed' ? say(lang, '删除', 'removed') : differenceText(f, lang);
      out.push(`| ${cell(figureName(f, lang))} | ${cell(valueText(f.before, f.unit))} | ${cell(valueText(f.after, f.unit))} | ${cell(change)} | ${cell(usesText(f.uses, base, lang))} |`);
    }
    out.push('');
  }

  if (diff.text.length > 0) {
    out.push(`#### ${say(lang, `正文（${diff.text.length} 处有改动）`, `Text (${diff.text.length} changed)`)}`, '');
    for (const change of diff.text) {
      const heading = escape(chapterHeading(change, base, lang));
      const unavailable = unavailableText(change, diff, lang);
      const sentences = change.sentences.map((s) => `- ${marked(s)}`);
      if (change.change === 'changed') {
        out.push(`**${heading}**`, '', ...(unavailable ? [`> ${escape(unavailable)}`, ''] : []), ...sentences, '');
      } else {
        // A whole chapter added or removed: folded, so the figures and the edits stay in view.
        out.push('<details>', `<summary>${heading}</summary>`, '', ...(unavailable ? [escape(unavailable), ''] : []), ...sentences, '', '</details>', '');
      }
    }
  }

  if (diff.outline.length > 0) {
    out.push(`#### ${say(lang, '提纲', 'Outline')}`, '');
    for (const change of diff.outline) out.push(`- ${outlineText(change, base, lang, (s) => `\`${s}\``)}`);
    out.push('');
  }

  const { appeared, resolved } = diff.diagnostics;
  if (appeared.length + resolved.length > 0) {
    out.push(`#### ${say(lang, `问题（新出现 ${appeared.length} 个，已解决 ${resolved.length} 个）`, `Problems (${appeared.length} new, ${resolved.length} resolved)`)}`, '');
    const problem = (d: Diagnostic) => `\`${[joinPath(base, d.file), d.line].filter((x) => x !== undefined).join(':')}\` ${SEVERITY_LABEL[d.severity][lang]}：${escape(d.message[lang])} \`${d.ruleId}\``;
    for (const d of appeared) out.push(`- ${say(lang, '新出现', 'new')} ${problem(d)}`);
    for (const d of resolved) out.push(`- ${say(lang, '已解决', 'resolved')} ~~${problem(d)}~~`);
    out.push('');
  }
  // Ends on a blank line: several reports' diffs appended to one step summary stay apart.
  return out.join('\n') + '\n';
};

function marked(sentence: Sentence): string {
  return sentence.map((p) => (p.change === 'removed' ? `<del>${escape(p.text)}</del>` : p.change === 'added' ? `<ins>${escape(p.text)}</ins>` : escape(p.text))).join('');
}

/** Text that Markdown and HTML print as written. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\\`*_[\]#|~]/g, '\\$&');
}

const cell = (text: string) => escape(text).replace(/\n/g, ' ');
