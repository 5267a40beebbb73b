import { loc, type Localized } from '../diagnostics/diagnostic.js';
import type { ReportDocument } from '../model.js';
import type { RenderOptions } from './options.js';

export { RendererUnavailable, type BrowserEnv, type RenderOptions } from './options.js';

/** One output format: the one list the CLI's -f choices, its help and lawreport.yaml's output.formats come from. */
export interface OutputFormat {
  id: string;
  /** File name extension, with its dot. */
  extension: string;
  /** Written when lawreport.yaml gives no output.formats. */
  default: boolean;
  /** Prints through a local Chromium (not installed everywhere: off by default). */
  needsBrowser: boolean;
  /** What it is, for --help. */
  label: Localized;
  /** Loaded only when asked for: docx alone costs more start-up than all the rest. */
  render(document: ReportDocument, options: RenderOptions): Promise<Uint8Array>;
}

/** Every output format, in the order --help lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  {
    id: 'docx',
    extension: '.docx',
    default: true,
    needsBrowser: false,
    label: loc('Word 文档，按 GB/T 9704 排版', 'Word document laid out per GB/T 9704'),
    render: async (document, options) => (await import('./docx.js')).renderDocx(document, options),
  },
  {
    id: 'html',
    extension: '.html',
    default: true,
    needsBrowser: false,
    label: loc('自包含的网页', 'self-contained web page'),
    render: async (document) => (await import('./html.js')).renderHtml(document),
  },
  {
    id: 'txt',
    extension: '.txt',
    default: true,
    needsBrowser: false,
    label: loc('纯文本，可粘贴进网站后台', 'plain text for a website CMS'),
    render: async (document) => (await import('./text.js')).renderText(document),
  },
  {
    id: 'json',
    extension: '.json',
    default: false,
    needsBrowser: false,
    label: loc('全部数据：名称、单位、数值、是否计算得出、正文中印在哪里（schemas/figures-output.schema.json）', 'every figure: label, unit, value, computed or not, where the text prints it (schemas/figures-output.schema.json)'),
    render: async (document) => (await import('./json.js')).renderJson(document),
  },
  {
    id: 'pdf',
    extension: '.pdf',
    default: false,
    needsBrowser: true,
    label: loc('PDF，由本机 Chromium 打印网页', 'PDF printed from the web page by a local Chromium'),
    render: async (document, options) => (await import('./pdf.js')).renderPdf(document, options),
  },
];

export function outputFormat(id: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((f) => f.id === id);
}

/** The formats written when lawreport.yaml names none. */
export const DEFAULT_FORMATS: readonly string[] = OUTPUT_FORMATS.filter((f) => f.default).map((f) => f.id);
