import { getAsset } from 'node:sea';
import { runInThisContext } from 'node:vm';
import type * as Renderers from './renderers.js';

/*
 * xlsx.ts and html.ts for the single executable (scripts/dist.mjs links this module in their
 * place, for formats.ts): they are bundled apart as an asset, renderers.ts with exceljs and
 * ECharts, run the first time a summary is written, in this context like a CommonJS module.
 */

/** Written by scripts/dist.mjs: src/summary/renderers.ts bundled like the executable's main script. */
export const RENDERERS_ASSET = 'lawreport-summary.cjs';

let loaded: typeof Renderers | undefined;

function renderers(): typeof Renderers {
  if (!loaded) {
    const module = { exports: {} as typeof Renderers };
    const run = runInThisContext(`(function (exports, require, module) {${getAsset(RENDERERS_ASSET, 'utf8')}\n})`, { filename: RENDERERS_ASSET }) as (e: object, r: NodeJS.Require, m: object) => void;
    run(module.exports, require, module);
    loaded = module.exports;
  }
  return loaded;
}

export const renderXlsx: typeof Renderers.renderXlsx = (input) => renderers().renderXlsx(input);
export const renderSummaryHtml: typeof Renderers.renderSummaryHtml = (input) => renderers().renderSummaryHtml(input);

/** Loads the renderers now rather than at the first summary drawn (formats.ts, loadSummaryRenderers). */
export const ready = (): void => void renderers();
