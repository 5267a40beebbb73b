import type { Lang } from '../diagnostics/diagnostic.js';
import { esc, PUBLISHED_CSP } from '../render/html/page.js';

/**
 * A self-contained page of the summary (the summary itself, build's index.html): styles inline,
 * the published report page's CSP (no script, no request), UTF-8 bytes.
 */
export function summaryPage(lang: Lang, title: string, style: string, body: readonly string[]): Uint8Array {
  const page = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(PUBLISHED_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="lawreport">',
    `<title>${esc(title)}</title>`,
    `<style>\n${style.trim()}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${esc(title)}</h1>`,
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ];
  return new TextEncoder().encode(page.filter((p) => p !== '').join('\n'));
}
