import type { ReportDocument } from '../model.js';
import { launchChromium, withTimeout } from './browser.js';
import type { CdpConnection } from './cdp.js';
import { renderHtml } from './html.js';
import type { RenderOptions } from './options.js';
import { stampOf } from './reproducible.js';

/** A report of a few hundred pages prints in seconds; past this the browser is stuck, and the run says so. */
const PRINT_TIMEOUT_MS = 120_000;

/**
 * The PDF is the published HTML printed by Chromium: its print stylesheet is the layout
 * (A4, GB/T 9704 margins and grid, 「— N —」 page numbers in the @page margin boxes), so
 * the web page and the PDF cannot drift apart. Nothing is fetched: the page is
 * self-contained and every request it might make is refused.
 */
export async function renderPdf(doc: ReportDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  const html = renderHtml(doc);
  const browser = await launchChromium(options.browserEnv ?? {});
  try {
    const pdf = await withTimeout(Promise.race([print(browser.cdp, new TextDecoder().decode(html)), browser.cdp.closed]), PRINT_TIMEOUT_MS, 'the browser did not finish printing within 120 s');
    return fixDates(pdf, stampOf(doc.date, options.sourceDateEpoch));
  } finally {
    await browser.close();
  }
}

async function print(cdp: CdpConnection, html: string): Promise<Uint8Array> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const send = <T>(method: string, params?: object) => cdp.send<T>(method, params, sessionId);
  // Every request the page makes is refused (it needs none: styles and images are inline).
  cdp.on('Fetch.requestPaused', (params, from) => {
    if (from === sessionId) void send('Fetch.failRequest', { requestId: params.requestId, errorReason: 'BlockedByClient' }).catch(() => {});
  });
  await send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  const { frameTree } = await send<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree');
  await send('Page.setDocumentContent', { frameId: frameTree.frame.id, html });
  await send('Runtime.evaluate', { expression: LOADED, awaitPromise: true });
  // A4 (8.27 × 11.7 in), no margins of the browser's own: the page's @page rules set them (preferCSSPageSize).
  const { stream } = await send<{ stream: string }>('Page.printToPDF', {
    transferMode: 'ReturnAsStream',
    paperWidth: 8.27,
    paperHeight: 11.7,
    marginTop: 0,
    marginBottom: 0,
    marginLeft: 0,
    marginRight: 0,
    preferCSSPageSize: true,
    printBackground: false,
    displayHeaderFooter: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  });
  const chunks: Buffer[] = [];
  for (;;) {
    const { data, base64Encoded, eof } = await send<{ data: string; base64Encoded?: boolean; eof: boolean }>('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
    if (eof) break;
  }
  await send('IO.close', { handle: stream });
  return new Uint8Array(Buffer.concat(chunks));
}

/** Resolves once the page and its fonts have loaded: what is printed is what a reader sees. */
const LOADED = `new Promise((done) => (document.readyState === 'complete' ? done() : addEventListener('load', () => done(), { once: true }))).then(() => document.fonts.ready).then(() => true)`;

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
