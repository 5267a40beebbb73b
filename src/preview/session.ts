import { hasErrors, type Diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import type { SourceHost } from '../io/host.js';
import { CHAPTERS_DIR, type LoadOptions } from '../load/report.js';
import type { ReportDocument } from '../model.js';
import type { Session } from '../session.js';
import { checkReport } from '../pipeline/build.js';
import { chapterAnchor, esc, htmlPage } from '../render/html/page.js';
import { BANNER_CSS, bannerHtml } from './banner.js';
import { ChapterCache } from './chapter-cache.js';

export interface Rebuild {
  /** Increases with every rebuild whose page differs from the one before. */
  version: number;
  /** Whether the page changed (a save that changes nothing does not reload the browser). */
  changed: boolean;
  diagnostics: Diagnostic[];
  /** Chapters filled and parsed again (the rest were reused). */
  compiled: string[];
  ms: number;
}

/** The page, for a given script tag: the server adds the reload script with a fresh nonce per response. */
export type PageFor = (script: string) => string;

/**
 * One report folder being previewed: rebuilds in memory (never writes a file), reusing
 * every chapter that did not change, and keeps the last report built without errors to
 * show under the current diagnostics.
 */
export class PreviewSession {
  private cache = new ChapterCache();
  private lastGood?: { doc: ReportDocument; anchors: Map<string, string> };
  private banner = '';
  /** The banner without the build time, to tell whether anything visible changed. */
  private bannerKey = '';
  private html = '';
  version = 0;
  /** The output folder (relative), ignored by the watcher. */
  outDir = 'dist';

  constructor(
    private readonly host: SourceHost,
    /** The package's session: compiled templates and validators survive every rebuild. */
    private readonly session: Session,
    private readonly lang: Lang,
    private readonly load: LoadOptions = {},
  ) {}

  /** Rebuilds after `changed` (report-relative paths; undefined: anything may have changed). */
  async rebuild(changed?: readonly string[]): Promise<Rebuild> {
    const start = performance.now();
    if (!changed || changed.some((file) => !file.startsWith(`${CHAPTERS_DIR}/`))) this.cache.clear();
    this.cache.begin();
    const result = await checkReport(this.host, this.session, { ...this.load, compileChapter: this.cache.compile });
    const diagnostics: Diagnostic[] = result.diagnostics;
    if (result.source) this.outDir = result.source.config.output.dir;
    if (result.document && !hasErrors(diagnostics)) {
      const shown = [...(result.document.preface ? [result.document.preface] : []), ...result.document.chapters];
      this.lastGood = { doc: result.document, anchors: new Map(shown.map((c) => [c.file, chapterAnchor(c)])) };
    }
    const stale = hasErrors(diagnostics) && this.lastGood !== undefined;
    const bannerOf = (ms: number) => bannerHtml({ diagnostics, lang: this.lang, anchors: this.lastGood?.anchors ?? new Map(), stale, ms });
    const bannerKey = bannerOf(0);
    const html = this.lastGood
      ? htmlPage(this.lastGood.doc, { csp: false, chapterHtml: (c, doc) => this.cache.chapterHtml(c, doc.assets), head: '<!--script-->', bodyStart: '<!--banner-->' })
      : bare(this.lang);
    const changedPage = html !== this.html || bannerKey !== this.bannerKey;
    if (changedPage) this.version++;
    this.html = html;
    this.bannerKey = bannerKey;
    const ms = performance.now() - start;
    this.banner = bannerOf(ms);
    return { version: this.version, changed: changedPage, diagnostics, compiled: this.cache.compiled, ms };
  }

  /** The current page with the preview's script and diagnostics in place. */
  page(script: string): string {
    // Replacer functions: a `$&` in a message must not be read as a replacement pattern.
    return this.html.replace('<!--script-->', () => `<style>${BANNER_CSS}</style>\n${script}`).replace('<!--banner-->', () => this.banner);
  }
}

/** Before the first build without errors there is no report to show: only the diagnostics. */
function bare(lang: Lang): string {
  const title = lang === 'zh' ? 'lawreport 预览' : 'lawreport preview';
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<!--script-->\n</head>\n<body>\n<!--banner-->\n</body>\n</html>\n`;
}
