import type { ReportDocument } from '../model.js';
import { launchChromium } from './browser.js';
import { renderHtml } from './html.js';

/**
 * The PDF is the published HTML printed by Chromium: its print stylesheet is the layout
 * (A4, GB/T 9704 margins and grid, 「— N —」 page numbers in the @page margin boxes), so
 * the web page and the PDF cannot drift apart. Nothing is fetched: the page is
 * self-contained and every request it might make is refused.
 */
export async function renderPdf(doc: ReportDocument, env: NodeJS.ProcessEnv = process.env, html = renderHtml(doc)): Promise<Uint8Array> {
  const browser = await launchChromium(env);
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(new TextDecoder().decode(html), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ preferCSSPageSize: true, format: 'A4', outline: true, tagged: true });
    return fixDates(new Uint8Array(pdf), doc);
  } finally {
    await browser.close();
  }
}

/**
 * Chromium stamps the print time into the PDF; the same sources should give the same bytes,
 * so the stamp becomes the 成文日期 (same length: the cross-reference offsets stay right).
 */
function fixDates(pdf: Uint8Array, doc: ReportDocument): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const d = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(doc.date);
  const stamp = d ? `D:${d[1]}${d[2]!.padStart(2, '0')}${d[3]!.padStart(2, '0')}000000` : `D:${doc.year + 1}0101000000`;
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_m, key: string) => `/${key} (${stamp}`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
