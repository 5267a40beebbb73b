import { removePendingTemps } from '../io/atomic-write.js';
import { t, type CliContext } from './context.js';

/**
 * Ctrl-C or a CI timeout during a write: outputs are renamed into place whole, so only temp
 * files can be left behind; remove them and exit with the conventional 128 + signal code.
 */
export function cleanUpOnInterrupt(ctx: CliContext): void {
  if (!ctx.handleSignals) return;
  const stop = (signal: NodeJS.Signals, code: number) => {
    removePendingTemps();
    ctx.stderr(
      t(ctx, `\n已中断（${signal}）：输出文件保持为原来的版本或完整的新版本，临时文件已清除。\n`, `\nInterrupted (${signal}): outputs are either the old or the complete new version; temp files removed.\n`),
    );
    process.exit(code);
  };
  process.once('SIGINT', () => stop('SIGINT', 130));
  process.once('SIGTERM', () => stop('SIGTERM', 143));
}
