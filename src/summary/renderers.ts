// The summary formats that carry a large library: the XLSX (exceljs) and the page with its charts
// (ECharts). The npm build loads each from formats.ts when asked; the single executable bundles
// this module apart, as an asset it runs only when a summary is written (renderers.sea.ts), so
// that its one main script does not grow by them for every `check`.
export { renderXlsx } from './xlsx.js';
export { renderSummaryHtml } from './html.js';
