import { unzipSync } from 'fflate';
import type { ReportDate } from '../model.js';
import type { RenderOptions } from './options.js';
import { zipReproducibly } from './reproducible.js';

// Apart from reproducible.ts: a DOCX is zipped from docx's parts and never unzipped, and loading
// fflate builds its Huffman tables (≈ 3–4 ms of every build, bench/README.md).

/**
 * docx's output differs on every run (zip entry times, core.xml dates). Rewrite it so the same
 * sources give the same bytes: dates from 成文日期 (or SOURCE_DATE_EPOCH), fixed entry times,
 * entries in a fixed order. `rewrite` may edit any XML part on the way (markup docx cannot write).
 */
export function makeReproducible(
  docx: Uint8Array,
  date: ReportDate,
  options: Pick<RenderOptions, 'sourceDateEpoch'> = {},
  rewrite: (name: string, xml: string) => string = (_, xml) => xml,
): Uint8Array {
  return zipReproducibly(unzipSync(docx), date, options, rewrite);
}
