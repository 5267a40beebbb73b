import type { Lang } from '../diagnostics/diagnostic.js';

/** What every command gets from the edge: streams, language, colour, debug. */
export interface CliContext {
  lang: Lang;
  color: boolean;
  /** stderr is a terminal: progress may be drawn in place. */
  isTTY: boolean;
  debug: boolean;
  /** --quiet: infos and hints are not printed. */
  quiet: boolean;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** True in the real process: commands that write files may take over SIGINT/SIGTERM. */
  handleSignals: boolean;
}

export const t = (ctx: Pick<CliContext, 'lang'>, zh: string, en: string) => (ctx.lang === 'zh' ? zh : en);

/** Exit codes: 0 clean (or warnings only), 1 the report has errors, 2 a usage error or a file that cannot be read or written. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

/** A usage or I/O problem found at the edge: printed as one message, exit 2 (always: see README 退出码). */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}
