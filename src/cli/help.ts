import { Help, type Argument, type Command, type Option } from 'commander';
import { eastAsianWidth } from 'get-east-asian-width';
import type { Lang } from '../diagnostics/diagnostic.js';

/**
 * Commander's own words in the user's language, through its hooks only (configureHelp,
 * configureOutput, showHelpAfterError, the help option and command texts): the help's titles,
 * the placeholders of usage lines and terms, `(choices …, default …)`, and every parse error.
 * Any command registered on the program, now or later, gets them: they are set on the program
 * before the commands are added (commander copies them to each) and on each command after.
 */

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/**
 * The words inside `<…>` and `[…]` of usage lines, option flags and argument names. A command
 * that names a placeholder with a new word adds it here (unknown words stay as written).
 */
export const PLACEHOLDER_WORDS: Record<string, string> = {
  options: '选项',
  command: '命令',
  dir: '文件夹',
  dirs: '文件夹',
  file: '文件',
  formats: '格式',
  list: '列表',
  format: '格式',
  name: '名称',
  n: '数量',
  year: '年度',
  port: '端口',
  lang: '语言',
  path: '路径',
  shell: 'shell',
  versions: '版本',
  revision: '修订',
};

/** `[dirs...]` → `[文件夹...]`, `<file>` → `<文件>` in Chinese; English as written. */
export function localizeTerm(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.replace(/([<[])([A-Za-z][\w-]*)(\.\.\.)?([>\]])/g, (m, open: string, word: string, dots = '', close: string) => {
    const zh = PLACEHOLDER_WORDS[word];
    return zh ? `${open}${zh}${dots}${close}` : m;
  });
}

/** Terminal columns of a string: CJK characters take two (commander counts code units). */
export function displayWidth(text: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of text.replace(/\u001b\[[\d;]*m/g, '')) width += eastAsianWidth(ch.codePointAt(0)!);
  return width;
}

/** No line starts with these, none ends with the openers (GB/T 15834 line-breaking, simplified). */
const NO_START = /^[，。、；：？！）》」』”’…—,.;:?!)\]]/;
const NO_END = /[（《「『“‘([]$/;

/**
 * Wraps text to `width` columns: between words of Latin text, and between any two CJK
 * characters (Chinese has no spaces to break at), never before a closing or after an opening mark.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const tokens = line.match(/\s+|[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F“”‘’…—]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F“”‘’…—]+/g) ?? [];
      // Glue marks to their neighbours so no break falls between them.
      const units: string[] = [];
      for (const token of tokens) {
        const last = units.at(-1);
        if (last !== undefined && !/^\s/.test(token) && (NO_START.test(token) || (NO_END.test(last) && !/\s$/.test(last)))) units[units.length - 1] = last + token;
        else units.push(token);
      }
      const lines: string[] = [];
      let current = '';
      for (const unit of units) {
        if (current !== '' && displayWidth(current + unit) > width && !/^\s+$/.test(unit)) {
          lines.push(current.trimEnd());
          current = unit.trimStart();
        } else current += current === '' ? unit.trimStart() : unit;
      }
      lines.push(current.trimEnd());
      return lines.join('\n');
    })
    .join('\n');
}

function extraZh(option: Option | Argument, showDefault: boolean): string[] {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`可选：${option.argChoices.join('、')}`);
  if (showDefault && option.defaultValue !== undefined) extra.push(`默认：${option.defaultValueDescription ?? (typeof option.defaultValue === 'string' ? option.defaultValue : JSON.stringify(option.defaultValue))}`);
  return extra;
}

const withExtra = (description: string, extra: string[]) => (extra.length ? `${description}（${extra.join('；')}）` : description);

/** configureHelp's overrides for `lang`: titles, terms, the extra info, widths and wrapping. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  const base = Help.prototype;
  const zh = lang === 'zh';
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => (zh ? (TITLES[title] ?? title) : title),
    commandUsage(this: Help, cmd: Command) {
      return localizeTerm(base.commandUsage.call(this, cmd), lang);
    },
    subcommandTerm(this: Help, cmd: Command) {
      return localizeTerm(base.subcommandTerm.call(this, cmd), lang);
    },
    optionTerm: (option: Option) => localizeTerm(option.flags, lang),
    argumentTerm: (argument: Argument) => (zh ? (PLACEHOLDER_WORDS[argument.name()] ?? argument.name()) : argument.name()),
    optionDescription(this: Help, option: Option) {
      if (!zh) return base.optionDescription.call(this, option);
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      return withExtra(option.description, extraZh(option, showDefault));
    },
    argumentDescription(this: Help, argument: Argument) {
      if (!zh) return base.argumentDescription.call(this, argument);
      return withExtra(argument.description, extraZh(argument, true));
    },
    displayWidth: (text: string) => displayWidth(text),
    boxWrap(this: Help, text: string, width: number) {
      return width < this.minWidthToWrap ? text : wrapText(text, width);
    },
  };
}

/** The `help [command]` command's and the help option's own texts. */
export function localizeHelpTexts(program: Command, lang: Lang): void {
  const zh = lang === 'zh';
  program.helpOption('-h, --help', zh ? '显示帮助' : 'show help');
  program.helpCommand('help [command]', zh ? '显示命令的帮助' : 'show help for a command');
}

/** After the commands are registered: every usage error ends by naming the help of its own command. */
export function pointToHelp(command: Command, lang: Lang, path = command.name()): void {
  command.showHelpAfterError(lang === 'zh' ? `运行 ${path} --help 查看用法。` : `Run ${path} --help for usage.`);
  for (const sub of command.commands) pointToHelp(sub, lang, `${path} ${sub.name()}`);
}

/**
 * A commander parse error in the user's words. Commander's messages are English sentences of a
 * few fixed shapes; each is recognised and said again in Chinese. A shape not known here (a newer
 * commander) keeps its English text behind the Chinese lead-in rather than being lost.
 */
export function usageErrorText(message: string, lang: Lang): string {
  const text = message.replace(/^error: /, '').trim();
  if (lang === 'en') return `usage error: ${text}\n`;
  return `用法错误：${translateCommander(text)}\n`;
}

const quoteZh = (s: string) => `“${localizeTerm(s, 'zh')}”`;
const wordZh = (name: string) => `“${PLACEHOLDER_WORDS[name] ?? name}”`;

function translateCommander(text: string): string {
  const suggestion = (rest: string) =>
    rest
      .replace(/\s*\(Did you mean one of (.+)\?\)/, (_, list: string) => `（是不是 ${list.split(', ').join('、')}？）`)
      .replace(/\s*\(Did you mean (.+)\?\)/, '（是不是 $1？）');
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^unknown option '([^']+)'([\s\S]*)$/))) return `未知的选项“${m[1]}”${suggestion(m[2]!)}`;
  if ((m = text.match(/^unknown command '([^']+)'([\s\S]*)$/))) return `未知的命令“${m[1]}”${suggestion(m[2]!)}`;
  if ((m = text.match(/^option '([^']+)' argument missing$/))) return `选项${quoteZh(m[1]!)}缺少值`;
  if ((m = text.match(/^missing required argument '([^']+)'$/))) return `缺少参数${wordZh(m[1]!)}`;
  if ((m = text.match(/^required option '([^']+)' not specified$/))) return `缺少必需的选项${quoteZh(m[1]!)}`;
  if ((m = text.match(/^too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/))) {
    const who = m[1] ? `命令“${m[1]}”` : '';
    return m[2] === '0' ? `${who}不接受参数，却给了 ${m[3]} 个` : `${who}参数过多：最多 ${m[2]} 个，给了 ${m[3]} 个`;
  }
  if ((m = text.match(/^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/))) {
    return `选项${quoteZh(m[1]!)}的值“${m[2]}”无效，可选：${m[3]!.split(', ').join('、')}`;
  }
  if ((m = text.match(/^command-argument value '([^']*)' is invalid for argument '([^']+)'\. Allowed choices are (.+)\.$/))) {
    return `参数${wordZh(m[2]!)}的值“${m[1]}”无效，可选：${m[3]!.split(', ').join('、')}`;
  }
  if ((m = text.match(/^option '([^']+)' cannot be used with option '([^']+)'$/))) return `选项“${m[1]}”不能与“${m[2]}”同时使用`;
  return text;
}
