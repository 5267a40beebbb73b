import { CommanderError } from 'commander';
import { WriteInterrupted } from '../io/atomic-write.js';
import { errnoWords } from '../io/errno.js';
import { EXIT, t, UsageError, type CliContext } from './context.js';

/**
 * Maps anything thrown at the edge to a printed message and an exit code: usage errors, failed
 * writes (the file-system codes a clerk can act on) and, last, internal errors. Problems with a
 * report never arrive here: the pipeline returns them as diagnostics. Batch workers use it too.
 */
export function handleError(ctx: Pick<CliContext, 'lang' | 'color' | 'debug' | 'stdout' | 'stderr'>, error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    // `lawreport help` asked for help; a bare `lawreport` (no command) got it instead of a run.
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // Every other parse error was printed in the user's words by the program's outputError (cli/help.ts).
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    ctx.stderr(`${ctx.lang === 'zh' ? error.zh : error.en}\n`);
    return EXIT.usage;
  }
  // A write stopped by Ctrl-C: the interrupt handler says so and ends the run.
  if (error instanceof WriteInterrupted) return 130;
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    const words = errnoWords(e.code);
    const where = e.path ?? e.message;
    ctx.stderr(
      t(ctx, `文件操作失败：${words.zh}（${where}）。已有的输出文件保持不变。\n`, `File operation failed: ${words.en} (${where}). Existing outputs are unchanged.\n`) +
        (ctx.debug ? `${e.stack}\n` : ''),
    );
    return EXIT.usage;
  }
  ctx.stderr(
    t(ctx, 'lawreport 内部错误：', 'lawreport internal error: ') +
      (error instanceof Error ? error.message : String(error)) +
      '\n' +
      (ctx.debug ? `${(error as Error)?.stack ?? ''}\n` : t(ctx, '加 --debug 查看调用栈，并请报告这个问题。\n', 'Run with --debug for the stack trace, and please report this.\n')),
  );
  return EXIT.usage;
}
