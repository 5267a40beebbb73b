import { CommanderError } from 'commander';
import { EXIT, t, UsageError, type CliContext } from './context.js';

/** Chinese words for the file-system errors a clerk can act on. */
const IO_ERRORS: Record<string, { zh: string; en: string }> = {
  ENOSPC: { zh: '磁盘空间不足', en: 'no space left on the disk' },
  EDQUOT: { zh: '超出磁盘配额', en: 'disk quota exceeded' },
  EACCES: { zh: '没有写入权限', en: 'permission denied' },
  EPERM: { zh: '操作不被允许', en: 'operation not permitted' },
  EROFS: { zh: '文件系统是只读的', en: 'read-only file system' },
  EISDIR: { zh: '目标是一个文件夹', en: 'the target is a folder' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EMFILE: { zh: '同时打开的文件太多', en: 'too many open files' },
};

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
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    const words = IO_ERRORS[e.code];
    const where = e.path ?? e.message;
    ctx.stderr(
      t(ctx, `文件操作失败：${words?.zh ?? e.code}（${where}）。已有的输出文件保持不变。\n`, `File operation failed: ${words?.en ?? e.code} (${where}). Existing outputs are unchanged.\n`) +
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
