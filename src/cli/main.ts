import { Command, Option } from 'commander';
import { EXIT, t, type CliContext } from './context.js';
import { handleError } from './errors.js';
import { stoppedEarly } from './run-extent.js';
import { streamWriter } from './streams.js';
import { toolVersion } from '../io/builtins-host.js';
import { commands } from './commands/index.js';
import { helpConfiguration, localizeHelpTexts, pointToHelp, usageErrorText } from './help.js';
import { chooseLang, colorEnabled, invalidLangText } from './terminal.js';

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

/**
 * The CLI as a function: parses argv, runs one command, returns the exit code
 * (0 clean, 1 the report has errors, 2 usage or a read failure). The bin only sets process.exitCode.
 */
export async function main(options: MainOptions): Promise<number> {
  const env = options.env ?? process.env;
  const argv = options.argv;
  const stderr = options.stderr ?? streamWriter(process.stderr);
  const lang = chooseLang(argv, env);
  if ('invalid' in lang) {
    stderr(invalidLangText(lang));
    return EXIT.usage;
  }
  const stdoutTTY = options.isTTY ?? Boolean(process.stdout.isTTY);
  const ctx: CliContext = {
    lang: lang.lang,
    color: colorEnabled(env, stdoutTTY),
    isTTY: (options.isTTY ?? Boolean(process.stderr.isTTY)) && env.TERM !== 'dumb',
    debug: argv.includes('--debug'),
    quiet: false,
    cwd: options.cwd ?? process.cwd(),
    stdout: options.stdout ?? streamWriter(process.stdout),
    stderr,
    env,
    handleSignals: options.handleSignals ?? false,
  };

  let exitCode: number = EXIT.ok;
  const program = createProgram(ctx, stdoutTTY, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    stoppedEarly();
    return handleError(ctx, error);
  }
}

/**
 * The program with its global options and every command registered; `setExit` receives the exit
 * code a command's action settles on. Exported for the tests that hold lists kept outside commander
 * (command-line.ts's options that take a value) against its definitions.
 */
export function createProgram(ctx: CliContext, stdoutTTY: boolean, setExit: (code: number) => void): Command {
  // Help and parse errors are configured before the commands are added: commander copies these settings to each.
  const program = new Command('lawreport')
    .description(t(ctx, '法治政府建设年度报告编译器：校验并生成公文格式的 DOCX、HTML 和纯文本。', 'Compiler for annual rule-of-law government reports: validates and writes DOCX, HTML and plain text.'))
    .configureHelp(helpConfiguration(ctx.lang))
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr, outputError: (text, write) => write(usageErrorText(text, ctx.lang)) })
    .version(toolVersion(), '-v, --version', t(ctx, '显示版本号', 'show the version'))
    .addOption(new Option('--lang <lang>', t(ctx, '提示语言，也可用环境变量 LAWREPORT_LANG 设置', 'message language; the environment variable LAWREPORT_LANG sets it too')).choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', t(ctx, '不显示提示（info）和改正建议，只显示错误和警告', 'hide infos and hints: errors and warnings only'))
    .option('--no-color', t(ctx, '不使用颜色，也可设置环境变量 NO_COLOR', 'disable colour; so does a non-empty NO_COLOR'))
    .option('--debug', t(ctx, '出错时显示完整的调用栈', 'show stack traces on internal errors'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .hook('preAction', () => {
      const global = program.opts();
      ctx.quiet = Boolean(global.quiet);
      ctx.debug = Boolean(global.debug);
      ctx.color = colorEnabled(ctx.env, stdoutTTY, global.color === false);
    });
  localizeHelpTexts(program, ctx.lang);

  for (const register of commands) register(program, ctx, setExit);
  pointToHelp(program, ctx.lang);
  return program;
}
