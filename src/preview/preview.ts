import type { Lang } from '../diagnostics/diagnostic.js';
import type { SourceHost } from '../io/host.js';
import type { LoadOptions } from '../load/report.js';
import type { Session } from '../session.js';
import { startServer } from './server.js';
import { PreviewSession, type Rebuild } from './session.js';
import { watchReport } from './watch.js';

export interface PreviewOptions {
  /** Absolute path of the report folder. */
  dir: string;
  host: SourceHost;
  /** The session a preview keeps for all its rebuilds. */
  session: Session;
  /** How to open `previous:` (last year's folder), as build and check do. */
  load?: LoadOptions;
  port: number;
  lang: Lang;
  /** Called after each rebuild (the CLI prints a line; tests wait on it). */
  onRebuild?: (rebuild: Rebuild, files: string[] | undefined) => void;
  onError?: (error: unknown) => void;
}

export interface Preview {
  url: string;
  session: PreviewSession;
  close(): Promise<void>;
}

/** Builds once, serves, and rebuilds on every change in the folder until closed. Writes no file. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const session = new PreviewSession(options.host, options.session, options.lang, options.load);
  options.onRebuild?.(await session.rebuild(), undefined);
  const server = await startServer(session, options.port);

  // One rebuild at a time; changes arriving meanwhile are merged into the next one.
  let running: Promise<void> | undefined;
  let queued: { files: Set<string> | undefined } | undefined;
  const run = async (files: string[] | undefined) => {
    try {
      const rebuild = await session.rebuild(files);
      if (rebuild.changed) server.announce(rebuild.version);
      options.onRebuild?.(rebuild, files);
    } catch (error) {
      options.onError?.(error);
    }
  };
  let closed = false;
  const schedule = (files: string[] | undefined) => {
    if (closed) return;
    if (running) {
      const merged = queued ? queued.files : new Set<string>();
      queued = { files: files && merged ? new Set([...merged, ...files]) : undefined };
      return;
    }
    running = run(files).finally(() => {
      running = undefined;
      const next = queued;
      queued = undefined;
      if (next) schedule(next.files ? [...next.files] : undefined);
    });
  };
  const watcher = watchReport(options.dir, () => session.outDir, schedule, (error) => options.onError?.(error));

  return {
    url: server.url,
    session,
    async close() {
      closed = true;
      watcher.close();
      await running;
      await server.close();
    },
  };
}
