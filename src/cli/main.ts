import { Command, CommanderError, Option } from 'commander';
import { FatalError, type Lang } from '../diagnostics/diagnostic.js';
import { toolVersion } from '../io/builtins-host.js';
import { OutsideRootError } from '../io/node-host.js';
import { EXIT, t, UsageError, type CliContext } from './context.js';
import { printDiagnostics } from './print.js';
import { commands } from './commands/index.js';

export interface MainOptions {
  argv: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  isTTY?: boolean;
  /** Install SIGINT/SIGTERM handlers that remove half-written temp files (the real bin does). */
  handleSignals?: boolean;
}

function detectLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? env.LAWREPORT_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/**
 * The CLI as a function: parses argv, runs one command, returns the exit code
 * (0 clean, 1 the report has errors, 2 usage or I/O). The bin only sets process.exitCode.
 */
export async function main(options: MainOptions): Promise<number> {
  const env = options.env ?? process.env;
  const argv = options.argv;
  const ctx: CliContext = {
    lang: detectLang(argv, env),
    color: !('NO_COLOR' in env) && (options.isTTY ?? Boolean(process.stdout.isTTY)) && env.TERM !== 'dumb',
    isTTY: (options.isTTY ?? Boolean(process.stderr.isTTY)) && env.TERM !== 'dumb',
    debug: argv.includes('--debug'),
    cwd: options.cwd ?? process.cwd(),
    stdout: options.stdout ?? ((s) => void process.stdout.write(s)),
    stderr: options.stderr ?? ((s) => void process.stderr.write(s)),
    env,
    handleSignals: options.handleSignals ?? false,
  };
  if (argv.includes('--no-color')) ctx.color = false;

  let exitCode: number = EXIT.ok;
  const program = new Command('lawreport')
    .description(t(ctx, '法治政府建设年度报告编译器：校验并生成公文格式的 DOCX、HTML 和纯文本。', 'Compiler for annual rule-of-law government reports: validates and writes DOCX, HTML and plain text.'))
    .version(toolVersion(), '-V, --version', t(ctx, '显示版本号', 'show the version'))
    .helpOption('-h, --help', t(ctx, '显示帮助', 'show help'))
    .addOption(new Option('--lang <lang>', t(ctx, '提示语言：zh（默认）或 en', 'message language: zh (default) or en')).choices(['zh', 'en']))
    .option('--debug', t(ctx, '出错时显示完整的调用栈', 'show stack traces on internal errors'))
    .option('--no-color', t(ctx, '不使用颜色', 'disable colour'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr, outputError: () => {} });

  for (const register of commands) register(program, ctx, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(ctx, error);
  }
}

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

/** Maps anything thrown by a command to a printed message and an exit code (exported for batch workers). */
export function handleError(ctx: Pick<CliContext, 'lang' | 'color' | 'debug' | 'stdout' | 'stderr'>, error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    if (error.code === 'commander.executeSubCommandAsync') return EXIT.ok;
    const text = error.message.replace(/^error: /, '');
    ctx.stderr(t(ctx, `用法错误：${translateCommander(text)}\n运行 lawreport --help 查看用法。\n`, `usage error: ${text}\nRun lawreport --help for usage.\n`));
    return EXIT.usage;
  }
  if (error instanceof FatalError) {
    printDiagnostics(ctx, error.diagnostics, 'human', '', 'stderr');
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    ctx.stderr(`${ctx.lang === 'zh' ? error.zh : error.en}\n`);
    return error.exitCode;
  }
  if (error instanceof OutsideRootError) {
    ctx.stderr(t(ctx, `路径“${error.requested}”指向报告文件夹之外，已拒绝。\n`, `Path "${error.requested}" leaves the report folder; refused.\n`));
    return EXIT.errors;
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

/** Commander speaks English; the common cases get a Chinese sentence. */
function translateCommander(text: string): string {
  return text
    .replace(/^unknown option '([^']+)'(.*)$/s, '未知的选项“$1”$2')
    .replace(/^unknown command '([^']+)'(.*)$/s, '未知的命令“$1”$2')
    .replace(/^option '([^']+)' argument missing$/, '选项“$1”缺少参数')
    .replace(/^too many arguments.*$/s, '参数过多')
    .replace(/\(Did you mean (.+)\?\)/, '（是不是 $1？）');
}
