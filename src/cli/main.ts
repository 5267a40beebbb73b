import { Command, Option } from 'commander';
import type { Lang } from '../diagnostics/diagnostic.js';
import { EXIT, t, type CliContext } from './context.js';
import { handleError } from './errors.js';
import { streamWriter } from './streams.js';
import { toolVersion } from '../io/builtins-host.js';
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
    stdout: options.stdout ?? streamWriter(process.stdout),
    stderr: options.stderr ?? streamWriter(process.stderr),
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
