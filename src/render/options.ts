import type { Localized } from '../diagnostics/diagnostic.js';
import type { PrecompiledDocxParts } from '../io/builtins-host.js';

export type { PrecompiledDocxParts };

/**
 * What a renderer may know about the world, given by the caller (the CLI reads it from the
 * environment once, at the edge): renderers never read process.env themselves.
 */
export interface RenderOptions {
  /** SOURCE_DATE_EPOCH (seconds since 1970): stamps the outputs instead of the 成文日期. */
  sourceDateEpoch?: string;
  /** What formats that print through a browser find it by: LAWREPORT_CHROMIUM, PATH, and Windows' install folders. */
  browserEnv?: BrowserEnv;
  /** What renderers keep between the reports of one session (the DOCX's fixed parts), each under a key of its own. */
  cache?: RenderCache;
  /** The DOCX parts `npm run build` compiled for the default fonts (lib/precompiled-docx-parts.cjs), when built. */
  docxParts?: () => PrecompiledDocxParts | undefined;
}


/** A session's store for renderers (`Session.renders`): nothing is cached in a module. */
export type RenderCache = Map<symbol, unknown>;

/** The environment variables a browser is looked for by, as the edge read them (never process.env here). */
export type BrowserEnv = Readonly<Record<string, string | undefined>>;

/** A renderer cannot run here (no browser): an environment problem, reported as a usage error, never a crash. */
export class RendererUnavailable extends Error {
  constructor(readonly problem: Localized) {
    super(problem.en);
    this.name = 'RendererUnavailable';
  }
}
