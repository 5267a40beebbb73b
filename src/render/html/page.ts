import type { DocChapter, ReportDocument } from '../../model.js';
import { attachmentsText } from '../common.js';
import { chapterHtml } from './chapter.js';
import { headingEndHtml } from './heading-end.js';
import { stylesheet } from './stylesheet.js';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The published page forbids, on top of the sanitiser, any script and any request: only inline CSS and embedded images. */
export const PUBLISHED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface PageOptions {
  /** Chapter body HTML; the preview passes a cached version. */
  chapterHtml?: (chapter: DocChapter, doc: ReportDocument) => string;
  /** The meta Content-Security-Policy; the preview sends its own as a header instead. */
  csp?: string | false;
  /** Extra markup: end of <head>, start of <body> (the preview's script and diagnostics). */
  head?: string;
  bodyStart?: string;
}

/** Anchor of a chapter section, named after its outline id: report.html#measures (measures-2 for a second part). */
export function chapterAnchor(chapter: Pick<DocChapter, 'anchor'>): string {
  return chapter.anchor;
}

/** A self-contained page: CSS inline, images embedded, no scripts, no external requests. */
export function htmlPage(doc: ReportDocument, options: PageOptions = {}): string {
  const body = options.chapterHtml ?? ((c: DocChapter) => chapterHtml(c, doc.assets));
  const csp = options.csp ?? PUBLISHED_CSP;
  const toc = doc.chapters.length >= 4
    ? `<nav class="toc" aria-label="目录"><ol>${doc.chapters.map((c) => `<li><a href="#${esc(chapterAnchor(c))}">${headingEndHtml(c.number + c.title, esc)}</a></li>`).join('')}</ol></nav>`
    : '';
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    csp ? `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">` : '',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="lawreport">`,
    `<title>${esc(doc.title)}</title>`,
    `<style>\n${stylesheet(doc.fonts)}\n</style>`,
    options.head ?? '',
    '</head>',
    '<body>',
    options.bodyStart ?? '',
    '<main>',
    `<h1 class="title">${doc.titleLines.map((l) => `<span>${esc(l)}</span>`).join('')}</h1>`,
    toc,
    doc.preface ? `<section class="preface" id="preface" data-chapter="preface">${body(doc.preface, doc)}</section>` : '',
    ...doc.chapters.map(
      (c) => `<section class="chapter" id="${esc(chapterAnchor(c))}" data-chapter="${esc(c.id)}">\n<h2>${headingEndHtml(c.number + c.title, esc)}</h2>\n${body(c, doc)}\n</section>`,
    ),
    doc.attachments.length ? `<div class="attachments">${attachmentsText(doc.attachments).split('\n').map((l) => `<p>${esc(l)}</p>`).join('')}</div>` : '',
    `<div class="signature">${doc.signature.map((s) => `<p>${esc(s)}</p>`).join('')}<p class="date">${esc(doc.dateText)}</p></div>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ];
  return parts.filter((p) => p !== '').join('\n');
}
