import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface PdfWord {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

export interface RenderedPdf {
  pages: PdfPage[];
  /** `pdfinfo` output. */
  info: string;
  file: string;
}

/** Whether LibreOffice and poppler are installed; in CI they must be (.ci/run installs them). */
export async function renderTools(): Promise<{ ok: true } | { ok: false; why: string }> {
  for (const [tool, arg] of [['soffice', '--version'], ['pdftotext', '-v'], ['pdfinfo', '-v']] as const) {
    try {
      await exec(tool, [arg]);
    } catch {
      return { ok: false, why: `${tool} not found (Debian: libreoffice-writer, poppler-utils)` };
    }
  }
  return { ok: true };
}

/** Maps the 公文 font names to the nearest fonts-noto-cjk family (see the file). */
export const FONTS_CONF = fileURLToPath(new URL('./fixtures/fonts.conf', import.meta.url));

/**
 * Converts a DOCX to PDF with headless LibreOffice (a private profile per run, so parallel test
 * files never share one) and reads it back with poppler: page sizes and every word's box.
 */
export async function renderDocxToPdf(docx: Uint8Array, name = 'report'): Promise<RenderedPdf> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-render-'));
  const input = path.join(dir, `${name}.docx`);
  await writeFile(input, docx);
  await exec('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
    timeout: 120_000,
    env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
  });
  const file = path.join(dir, `${name}.pdf`);
  const { stdout: info } = await exec('pdfinfo', [file]);
  await exec('pdftotext', ['-bbox', file, path.join(dir, 'bbox.html')]);
  return { pages: parseBbox(await readFile(path.join(dir, 'bbox.html'), 'utf8')), info, file };
}

function parseBbox(html: string): PdfPage[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: unescape(w[5]!),
    })),
  }));
}

export interface PdfLine {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  text: string;
}

/** The words of a page grouped into printed lines, top to bottom, each line's words left to right. */
export function linesOf(page: PdfPage): PdfLine[] {
  const groups: PdfWord[][] = [];
  for (const w of [...page.words].sort((a, b) => a.y0 - b.y0)) {
    const group = groups.find((g) => Math.abs(g[0]!.y0 - w.y0) < 2);
    if (group) group.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => {
    const words = g.sort((a, b) => a.x0 - b.x0);
    return {
      y0: Math.min(...words.map((w) => w.y0)),
      y1: Math.max(...words.map((w) => w.y1)),
      x0: words[0]!.x0,
      x1: Math.max(...words.map((w) => w.x1)),
      text: words.map((w) => w.text).join(''),
    };
  });
}

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
