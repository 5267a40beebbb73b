import type { Root } from 'mdast';
import { compileChapter, type ChapterCompiler, type CompiledChapter } from '../compile/compile.js';
import type { Asset, DocChapter } from '../model.js';
import { chapterHtml } from '../render/html/chapter.js';

interface Entry {
  text: string;
  id?: string;
  title?: string;
  context: string;
  result: CompiledChapter;
  assets: [string, Asset][];
}

/**
 * What makes the preview incremental: a chapter whose text, outline id and figures are
 * unchanged is not filled, parsed or rendered again. Anything outside chapters/ (figures,
 * config, templates, images) can change what every chapter compiles to: `clear()` then.
 */
export class ChapterCache {
  private entries = new Map<string, Entry>();
  private html = new WeakMap<Root, { key: string; html: string }>();
  /** Chapters compiled (not reused) by the last run, for the log line and the tests. */
  compiled: string[] = [];

  clear() {
    this.entries.clear();
  }

  /** Call before a run: resets the list of chapters compiled. */
  begin() {
    this.compiled = [];
  }

  /** A drop-in for compileChapter. Each chapter gets its own asset map so a reused chapter brings its images along. */
  readonly compile: ChapterCompiler = async (source, chapter, context, assets, templates) => {
    const contextKey = JSON.stringify(context);
    const hit = this.entries.get(chapter.file);
    if (hit && hit.text === chapter.text && hit.id === chapter.id && hit.title === chapter.title && hit.context === contextKey) {
      for (const [url, asset] of hit.assets) assets.set(url, asset);
      return hit.result;
    }
    const own = new Map<string, Asset>();
    const result = await compileChapter(source, chapter, context, own, templates);
    for (const [url, asset] of own) assets.set(url, asset);
    this.entries.set(chapter.file, { text: chapter.text, id: chapter.id, title: chapter.title, context: contextKey, result, assets: [...own] });
    this.compiled.push(chapter.file);
    return result;
  };

  /** Chapter body HTML, rendered once per compiled body and place (its anchor, and the pictures and footnotes numbered before it). */
  chapterHtml(chapter: DocChapter, assets: ReadonlyMap<string, Asset>): string {
    const key = `${chapter.anchor}\n${chapter.figureStart}\n${chapter.footnoteStart}`;
    const hit = this.html.get(chapter.body);
    if (hit?.key === key) return hit.html;
    const html = chapterHtml(chapter, assets);
    this.html.set(chapter.body, { key, html });
    return html;
  }
}
