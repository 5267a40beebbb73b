import type { Lang } from '../diagnostics/diagnostic.js';

/**
 * What the environment and argv say about language and colour, read once at the edge.
 *
 * Language: `--lang zh|en`, else LAWREPORT_LANG (zh, en, or a locale such as zh_CN.UTF-8 or
 * en-US), else Chinese. A value that is neither is refused in both languages: the user's choice
 * of language is the one thing that cannot be known then.
 */
export type LangChoice = { lang: Lang } | { invalid: string; from: '--lang' | 'LAWREPORT_LANG' };

export function chooseLang(argv: readonly string[], env: NodeJS.ProcessEnv): LangChoice {
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) {
    const value = args[i]!.includes('=') ? args[i]!.slice('--lang='.length) : args[i + 1];
    // A missing value is commander's to report (in Chinese, the default).
    if (value === undefined || value.startsWith('-')) return { lang: 'zh' };
    return value === 'zh' || value === 'en' ? { lang: value } : { invalid: value, from: '--lang' };
  }
  const fromEnv = env.LAWREPORT_LANG?.trim();
  if (!fromEnv) return { lang: 'zh' };
  const m = /^(zh|en)(?:[-_.@].*)?$/i.exec(fromEnv);
  return m ? { lang: m[1]!.toLowerCase() as Lang } : { invalid: fromEnv, from: 'LAWREPORT_LANG' };
}

/** The refusal of an unknown language, in both languages (exit 2). */
export function invalidLangText(choice: { invalid: string; from: string }): string {
  const what = choice.from === '--lang' ? '--lang' : '环境变量 LAWREPORT_LANG';
  const whatEn = choice.from === '--lang' ? '--lang' : 'the environment variable LAWREPORT_LANG';
  return (
    `用法错误：${what} 只能是 zh（中文）或 en（英文），不能是“${choice.invalid}”。\n` +
    `usage error: ${whatEn} must be zh (Chinese) or en (English), not "${choice.invalid}".\n`
  );
}

/**
 * Whether to colour output, as Node's tty (WriteStream#getColorDepth) and chalk read the
 * environment, except that an empty NO_COLOR does not count (no-color.org: "when present and
 * not an empty string"). In order: --no-color; FORCE_COLOR ('', 1, 2, 3, true force colour even
 * into a pipe; 0, false or anything else turn it off); a non-empty NO_COLOR; TERM=dumb; a terminal.
 */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag = false): boolean {
  if (noColorFlag) return false;
  if (env.FORCE_COLOR !== undefined) return ['', '1', '2', '3', 'true'].includes(env.FORCE_COLOR);
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
