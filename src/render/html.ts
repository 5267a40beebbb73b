import type { ReportDocument } from '../model.js';
import { htmlPage } from './html/page.js';

export { fontStacks } from './html/stylesheet.js';

/** The published HTML: one self-contained UTF-8 file (see html/page.ts). */
export function renderHtml(doc: ReportDocument): Uint8Array {
  return new TextEncoder().encode(htmlPage(doc));
}
