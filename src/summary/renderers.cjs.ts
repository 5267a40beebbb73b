import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Renderers from './renderers.js';

/*
 * xlsx.ts and html.ts for the npm package's one-file bundle, lib/lawreport.cjs (scripts/bundle.mjs
 * links this module in their place, for formats.ts), as renderers.sea.ts is for the single
 * executable: renderers.ts with exceljs and ECharts is bundled apart, lib/summary-renderers.cjs,
 * and required the first time a summary is written. In the one file they were 2.9 of its 6.4 MB,
 * read at every start and carried by every command's code cache: `check` from the cache −10 % CPU.
 */

/** Written by scripts/bundle.mjs beside lib/lawreport.cjs: src/summary/renderers.ts bundled as CommonJS. */
export const RENDERERS_FILE = 'summary-renderers.cjs';

let loaded: typeof Renderers | undefined;

function renderers(): typeof Renderers {
  // import.meta.url is lib/lawreport.cjs's (the bundle defines it so): the file is beside it.
  loaded ??= require(path.join(path.dirname(fileURLToPath(import.meta.url)), RENDERERS_FILE)) as typeof Renderers;
  return loaded;
}

export const renderXlsx: typeof Renderers.renderXlsx = (input) => renderers().renderXlsx(input);
export const renderSummaryHtml: typeof Renderers.renderSummaryHtml = (input) => renderers().renderSummaryHtml(input);

/** Loads the renderers now rather than at the first summary drawn (formats.ts, loadSummaryRenderers). */
export const ready = (): void => void renderers();
