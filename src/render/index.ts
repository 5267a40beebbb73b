import type { Format, ReportDocument } from '../model.js';

export type Renderer = (doc: ReportDocument) => Promise<Uint8Array> | Uint8Array;

/** Renderers by format, loaded only when asked for: docx alone costs more start-up than all the rest. */
export const renderers: Record<Exclude<Format, 'pdf'>, () => Promise<Renderer>> = {
  docx: async () => (await import('./docx.js')).renderDocx,
  html: async () => (await import('./html.js')).renderHtml,
  txt: async () => (await import('./text.js')).renderText,
};

export const EXTENSIONS: Record<Format, string> = { docx: '.docx', html: '.html', txt: '.txt', pdf: '.pdf' };
