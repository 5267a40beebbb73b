import type { ReportDocument } from '../model.js';
import { launchChromium } from './browser.js';
import { renderHtml } from './html.js';
import type { RenderOptions } from './options.js';
import { stampOf } from './reproducible.js';

/**
 * The PDF is the published HTML printed by Chromium: its print stylesheet is the layout
 * (A4, GB/T 9704 margins and grid, 「— N —」 page numbers in the @page margin boxes), so
 * the web page and the PDF cannot drift apart. Nothing is fetched: the page is
 * self-contained and every request it might make is refused.
 */
export async function renderPdf(doc: ReportDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const html = renderHtml(doc);
  const browser = await launchChromium(options.browser);
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(new TextDecoder().decode(html), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ preferCSSPageSize: true, format: 'A4', outline: true, tagged: true });
    return fixDates(new Uint8Array(pdf), stampOf(doc.date, options.sourceDateEpoch));
  } finally {
    await browser.close();
  }
}

/**
 * Chromium stamps the print time into the PDF; the same sources should give the same bytes, so
 * the stamp becomes the DOCX's (成文日期, or SOURCE_DATE_EPOCH). Same length: the cross-reference
 * offsets stay right.
 */
function fixDates(pdf: Uint8Array, when: Date): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = `D:${when.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_m, key: string) => `/${key} (${stamp}`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
