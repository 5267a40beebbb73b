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
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    if (error.code === 'commander.executeSubCommandAsync') return EXIT.ok;
    const text = error.message.replace(/^error: /, '');
    ctx.stderr(t(ctx, `用法错误：${translateCommander(text)}\n运行 lawreport --help 查看用法。\n`, `usage error: ${text}\nRun lawreport --help for usage.\n`));
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    ctx.stderr(`${ctx.lang === 'zh' ? error.zh : error.en}\n`);
    return error.exitCode;
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

/** Commander speaks English; the common cases get a Chinese sentence. */
function translateCommander(text: string): string {
  return text
    .replace(/^unknown option '([^']+)'(.*)$/s, '未知的选项“$1”$2')
    .replace(/^unknown command '([^']+)'(.*)$/s, '未知的命令“$1”$2')
    .replace(/^option '([^']+)' argument missing$/, '选项“$1”缺少参数')
    .replace(/^missing required argument '([^']+)'$/, '缺少参数“$1”')
    .replace(/^too many arguments.*$/s, '参数过多')
    .replace(/\(Did you mean (.+)\?\)/, '（是不是 $1？）');
}
