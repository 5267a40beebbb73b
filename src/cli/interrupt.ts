import { stopWrites } from '../io/atomic-write.js';
import { t, type CliContext } from './context.js';

/** What else an interrupted run must tidy before it ends: a batch tells its workers to remove their temp files. */
type Hook = () => Promise<void>;
const hooks = new Set<Hook>();

/** How long an interrupted run waits for the hooks (workers answer within milliseconds unless stuck). */
export const INTERRUPT_GRACE_MS = 2000;

/** Adds a hook for as long as the returned function is not called. */
export function onInterrupt(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

let installed = false;

/**
 * Ctrl-C or a CI timeout during a write: outputs are renamed into place whole, so only temp
 * files can be left behind; remove them (this thread's, then the batch workers', waiting at most
 * INTERRUPT_GRACE_MS), say so, and end. The run ends by the signal itself, its default action
 * restored: process.exit() would wait for a file read still pending in libuv's threads (a named
 * pipe, a hung network drive) and never return, while the signal ends the process at once, and the
 * shell sees 130 or 143 as it does for any program Ctrl-C stops. A second signal ends it at once.
 */
export function cleanUpOnInterrupt(ctx: CliContext): void {
  if (!ctx.handleSignals || installed) return;
  installed = true;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return end(signal);
    stopping = true;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, INTERRUPT_GRACE_MS).unref());
    void Promise.race([Promise.allSettled([stopWrites(), ...[...hooks].map((hook) => hook())]), grace]).then(() => {
      ctx.stderr(
        t(ctx, `\n已中断（${signal}）：输出文件保持为原来的版本或完整的新版本，临时文件已清除。\n`, `\nInterrupted (${signal}): outputs are either the old or the complete new version; temp files removed.\n`),
      );
      end(signal);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function end(signal: NodeJS.Signals): never {
  if (process.platform === 'win32') process.exit(signal === 'SIGINT' ? 130 : 143);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
  // Delivered at once with its default action restored; this line is for a system that would not.
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
