import { loc, type Localized } from '../diagnostics/diagnostic.js';
import type { SummaryFile, SummaryInput } from './input.js';

/** One summary format: the one list `summary -f` accepts, its help and its defaults come from. */
export interface SummaryFormat {
  id: string;
  /** File name extension, with its dot. */
  extension: string;
  /** Written when -f is not given. */
  default: boolean;
  label: Localized;
  /** Loaded only when asked for: exceljs and ECharts stay out of every other command's start-up. */
  render(input: SummaryInput): Promise<SummaryFile[]>;
  /** Loads (and compiles) what `render` runs, without rendering: see loadSummaryRenderers. */
  load?(): Promise<void>;
}

const one = async (bytes: Promise<Uint8Array>): Promise<SummaryFile[]> => [{ suffix: '', bytes: await bytes }];

/** Every summary format, in the order --help lists them. */
export const SUMMARY_FORMATS: readonly SummaryFormat[] = [
  {
    id: 'xlsx',
    extension: '.xlsx',
    default: true,
    label: loc('Excel 工作簿：合规、数据、问题各一张表', 'Excel workbook: a sheet each for compliance, figures, problems'),
    render: async (input) => one((await import('./xlsx.js')).renderXlsx(input)),
    load: async () => (await import('./xlsx.js')).ready(),
  },
  {
    id: 'html',
    extension: '.html',
    default: true,
    label: loc('一页网页，含图表，可打印（A4 横向）', 'one web page with charts, prints on A4 landscape'),
    render: async (input) => one((await import('./html.js')).renderSummaryHtml(input)),
    load: async () => (await import('./html.js')).ready(),
  },
  {
    id: 'csv',
    extension: '.csv',
    default: false,
    label: loc('CSV（UTF-8，带 BOM），每张表一个文件', 'CSV (UTF-8 with BOM), one file per table'),
    render: async (input) => (await import('./csv.js')).renderCsv(input),
  },
  {
    id: 'json',
    extension: '.json',
    default: false,
    label: loc('JSON，每份报告一条记录（schemas/summary.schema.json）', 'JSON, one record per report (schemas/summary.schema.json)'),
    render: async (input) => one((await import('./json.js')).renderSummaryJson(input)),
  },
];

export function summaryFormat(id: string): SummaryFormat | undefined {
  return SUMMARY_FORMATS.find((f) => f.id === id);
}

export const DEFAULT_SUMMARY_FORMATS: readonly string[] = SUMMARY_FORMATS.filter((f) => f.default).map((f) => f.id);

/**
 * Loads the renderers of the asked formats (exceljs and ECharts, from their code cache in the npm
 * package), so that a caller can change V8's heap flags for the drawing alone: V8 refuses a code
 * cache made under other flags (src/cli/heap.ts, withSmallHeap).
 */
export async function loadSummaryRenderers(formats: readonly string[]): Promise<void> {
  for (const id of formats) await summaryFormat(id)!.load?.();
}

/**
 * Renders the asked formats: file names (base name + suffix + extension) to bytes, in format order.
 * `formats`: ids of the summary registry (the CLI checked them).
 */
export async function renderSummary(input: SummaryInput, formats: readonly string[], base: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const id of formats) {
    const format = summaryFormat(id)!;
    for (const file of await format.render(input)) files.set(`${base}${file.suffix}${format.extension}`, file.bytes);
  }
  return files;
}
