import type { Lang, Localized } from '../diagnostics/diagnostic.js';
import { readDocxBlocks } from '../import/read-docx.js';
import { overlayHost, type SourceHost } from '../io/host.js';
import type { LoadOptions } from '../load/report.js';
import { headingNumber } from '../markdown/numbering.js';
import { stripHeadingNumber } from '../profile/match.js';
import type { Session } from '../session.js';
import { findMustaches } from '../source/mustache.js';
import { templateContext } from '../template/context.js';
import { evaluateExpression } from '../template/evaluate.js';
import { reviewSide } from './side.js';
import { sentences } from './words.js';

/*
 * What git shows of a file through `diff.lawreport.textconv`: text in which one changed sentence
 * is one changed line. Paragraphs are cut into sentences, one a line, with a blank line between
 * paragraphs; table rows are lines of cells.
 */

/** Lines of text, one sentence a line, paragraphs apart. */
export function sentenceLines(blocks: readonly string[]): string {
  return blocks.map((b) => sentences([{ text: b }]).map((s) => s.map((p) => p.text).join('').trim()).join('\n')).filter(Boolean).join('\n\n') + '\n';
}

/**
 * A DOCX as its text: headings on their own (numbered as printed; an auto-numbered Word heading
 * gets the GB/T 9704 number of its level), tables as rows. Read by import's DOCX reader, which
 * vets the archive first; a file it refuses comes back as the reason.
 */
export async function docxText(bytes: Uint8Array, file: string): Promise<{ text: string } | { problem: Localized }> {
  const blocks = await readDocxBlocks(bytes, file);
  if (!Array.isArray(blocks)) return { problem: blocks.message };
  const counters = [0, 0, 0, 0, 0];
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      out.push(block.rows.map((row) => `| ${row.join(' | ')} |`).join('\n'));
      continue;
    }
    let text = block.text.trim();
    const level = block.styleLevel;
    if (level && level <= 4) {
      counters[level]!++;
      counters.fill(0, level + 1);
      if (block.numbered && stripHeadingNumber(text).number === undefined) text = headingNumber(level as 1 | 2 | 3 | 4, counters[level]!) + text;
    }
    out.push(text);
  }
  return { text: sentenceLines(out) };
}

/**
 * A chapter file as the report prints it: its number and title, the text with the figures filled
 * in, headings numbered. `report` is the folder the chapter belongs to, read with this file's text
 * in the chapter's place (git hands textconv the old version as a temporary file): the figures are
 * that folder's. A chapter that does not compile there (a figure it names is not in metrics.yaml)
 * is shown with what can be filled, the other {{…}} as written: git's diff must not fail.
 */
export async function chapterText(text: string, report: { host: SourceHost; file: string; load?: LoadOptions } | undefined, session: Session): Promise<string> {
  if (!report) return text;
  const host = overlayHost(report.host, new Map([[report.file, text]]));
  const side = await reviewSide(host, session, '', report.load);
  const chapter = side.chapters.find((c) => c.file === report.file);
  if (chapter?.blocks) return sentenceLines([...(chapter.title ? [`${chapter.number}${chapter.title}`] : []), ...chapter.blocks]);
  if (!side.source) return text;
  const data = templateContext(side.source);
  let filled = '';
  let from = 0;
  for (const m of findMustaches(text)) {
    filled += text.slice(from, m.start) + (evaluateExpression(m.source, data, side.source.catalog) ?? m.source);
    from = m.end;
  }
  return filled + text.slice(from);
}

/**
 * metrics.yaml as written, then the figures lawreport computes from it as comment lines: the
 * catalog's rates and what the chapters compute ({{pct}}, {{sum}}, {{diff}}) with where they are
 * printed. A figure changed in one YAML line shows, in git's diff, with every rate it moves.
 */
export async function metricsText(text: string, report: { host: SourceHost; file: string; load?: LoadOptions } | undefined, session: Session, lang: Lang): Promise<string> {
  if (!report) return text;
  const side = await reviewSide(overlayHost(report.host, new Map([[report.file, text]])), session, '', report.load);
  const computed = side.figures.filter((f) => f.computed);
  if (computed.length === 0) return text;
  const lines = computed.map((f) => {
    const of = (f.formula?.of ?? []).map((id) => side.figures.find((r) => r.id === id)?.label ?? id).join(f.formula?.kind === 'sum' ? ' + ' : f.formula?.kind === 'diff' ? ' − ' : ' ÷ ');
    const at = [...new Set(f.uses.map((u) => `${u.file}:${u.line}`))].join(', ');
    const printed = typeof f.value === 'number' ? `${f.value}${f.unit}` : String(f.value);
    return `# ${f.id}: ${printed}  # ${f.label}${of && of !== f.label ? `（${of}）` : ''}${at ? (lang === 'zh' ? `，印在 ${at}` : `, printed at ${at}`) : ''}`;
  });
  const heading = lang === 'zh' ? '# 以下由 lawreport 算出（git 比对时附加，不在文件里）：' : '# Computed by lawreport (added for git diff, not in the file):';
  return `${text.replace(/\n*$/, '\n')}\n${heading}\n${lines.join('\n')}\n`;
}
