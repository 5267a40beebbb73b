import type { Argument, Command, Option } from 'commander';
import type { Lang } from '../diagnostics/diagnostic.js';

/**
 * Shell completion scripts made from the program's own command tree, so a command, option or
 * choice added anywhere is completed without touching this file. What a value completes to is
 * read from its placeholder: `<dir>`, `[dirs...]` complete folders, `<file>`/`<path>` files,
 * `.choices()` their words; any other value is free text.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

type ValueKind = { kind: 'dir' } | { kind: 'file' } | { kind: 'choices'; words: string[] } | { kind: 'text' };

interface OptionSpec {
  short?: string;
  long?: string;
  /** Undefined: a flag that takes no value. */
  value?: ValueKind;
  description: string;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What its positional arguments complete to (the first that takes any). */
  positional?: ValueKind;
}

interface ProgramSpec {
  name: string;
  globals: OptionSpec[];
  commands: CommandSpec[];
}

const DIR_WORDS = new Set(['dir', 'dirs', 'folder', 'folders']);
const FILE_WORDS = new Set(['file', 'files', 'path']);

function valueKind(word: string | undefined, choices: readonly string[] | undefined): ValueKind {
  if (choices?.length) return { kind: 'choices', words: [...choices] };
  if (word && DIR_WORDS.has(word)) return { kind: 'dir' };
  if (word && FILE_WORDS.has(word)) return { kind: 'file' };
  return { kind: 'text' };
}

/** A help line cut to its first clause: completion menus show one short line. */
function short(description: string): string {
  const cut = description.search(/[：；（(;。]|, |: /);
  const text = cut >= 4 ? description.slice(0, cut) : description;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Words an option's value completes to that commander cannot list as choices because other values
 * are allowed too (--profile: a built-in name, or a profile file's path): by long flag. Where none
 * matches, bash and zsh fall back to file names.
 */
export type ValueWords = Readonly<Record<string, readonly string[]>>;

function optionSpec(option: Option, words: ValueWords = {}): OptionSpec {
  const placeholder = /[<[]([\w-]+)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1];
  const suggested = option.long ? words[option.long] : undefined;
  return {
    short: option.short,
    long: option.long,
    value: option.required || option.optional ? valueKind(placeholder, option.argChoices ?? suggested) : undefined,
    description: short(option.description),
  };
}

function positional(args: readonly Argument[]): ValueKind | undefined {
  const first = args[0];
  return first ? valueKind(first.name(), first.argChoices) : undefined;
}

/** The tree commander holds after every command registered itself. */
export function programSpec(program: Command, lang: Lang, words: ValueWords = {}): ProgramSpec {
  const help: OptionSpec = { short: '-h', long: '--help', description: lang === 'zh' ? '显示帮助' : 'show help' };
  const visible = program.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden);
  const commands: CommandSpec[] = visible.map((c) => ({
    name: c.name(),
    description: short(c.summary() || c.description()),
    // -h/--help is among the globals, which every command accepts too.
    options: c.options.filter((o) => !o.hidden).map((o) => optionSpec(o, words)),
    positional: positional(c.registeredArguments),
  }));
  commands.push({
    name: 'help',
    description: lang === 'zh' ? '显示命令的帮助' : 'show help for a command',
    options: [],
    positional: { kind: 'choices', words: visible.map((c) => c.name()) },
  });
  return { name: program.name(), globals: [...program.options.filter((o) => !o.hidden).map((o) => optionSpec(o, words)), help], commands };
}

const flagsOf = (o: OptionSpec) => [o.short, o.long].filter((f): f is string => Boolean(f));
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(spec: ProgramSpec, lang: Lang): string {
  const fn = `_${spec.name.replace(/\W/g, '_')}`;
  const globalWords = spec.globals.flatMap(flagsOf).join(' ');
  const globalsWithValue = spec.globals.filter((o) => o.value).flatMap(flagsOf);
  const reply = (kind: ValueKind | undefined) => {
    switch (kind?.kind) {
      case 'dir':
        return `${fn}_paths -d`;
      case 'file':
        return `${fn}_paths -f`;
      case 'choices':
        return `COMPREPLY=($(compgen -W ${sq(kind.words.join(' '))} -- "$cur"))`;
      default:
        return 'COMPREPLY=()';
    }
  };
  const valueCases = (options: OptionSpec[]) =>
    options
      .filter((o) => o.value)
      .map((o) => `        ${flagsOf(o).join('|')}) ${reply(o.value)}; return ;;`)
      .join('\n');
  const commandCases = spec.commands
    .map((c) =>
      [
        `    ${c.name})`,
        `      case "$prev" in`,
        valueCases([...c.options, ...spec.globals]),
        `      esac`,
        `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${sq([...c.options.flatMap(flagsOf), ...spec.globals.flatMap(flagsOf)].join(' '))} -- "$cur")); return; fi`,
        `      ${reply(c.positional)}`,
        `      ;;`,
      ]
        .filter((l) => l.trim() !== '')
        .join('\n'),
    )
    .join('\n');
  return `# ${lang === 'zh' ? `${spec.name} 的 bash 补全（由 ${spec.name} completion bash 生成）。启用：在 ~/.bashrc 里加一行 source <(${spec.name} completion bash)` : `bash completion for ${spec.name} (made by ${spec.name} completion bash). Enable: add source <(${spec.name} completion bash) to ~/.bashrc`}
# Folder and file names one a line, spaces and all.
${fn}_paths() {
  local IFS=$'\\n'
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen "$1" -- "$cur"))
}
${fn}() {
  local cur prev cmd i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${globalsWithValue.length ? `${globalsWithValue.join('|')}) ((i++)) ;;` : ''}
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd" in
    "")
      case "$prev" in
${valueCases(spec.globals)}
      esac
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${sq(globalWords)} -- "$cur")); return; fi
      COMPREPLY=($(compgen -W ${sq(spec.commands.map((c) => c.name).join(' '))} -- "$cur"))
      ;;
${commandCases}
  esac
}
complete -o bashdefault -o default -F ${fn} ${spec.name}
`.replace(/\n\s*\n(\s*esac)/g, '\n$1');
}

/** zsh's _arguments specs: brackets, colons in the message and single quotes escaped. */
const zdesc = (s: string) => s.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1');

function zsh(spec: ProgramSpec, lang: Lang): string {
  const fn = `_${spec.name.replace(/\W/g, '_')}`;
  const action = (kind: ValueKind | undefined) => {
    switch (kind?.kind) {
      case 'dir':
        return '_files -/';
      case 'file':
        return '_files';
      case 'choices':
        return `(${kind.words.join(' ')})`;
      default:
        return ' ';
    }
  };
  const optionArg = (o: OptionSpec) => {
    const flags = flagsOf(o);
    const value = o.value ? `:${zdesc(short(o.description)) || 'value'}:${action(o.value)}` : '';
    const exclusive = flags.length > 1 ? `(${flags.join(' ')})` : '';
    const names = flags.length > 1 ? `{${flags.join(',')}}` : flags[0]!;
    return `    ${sq(exclusive)}${names}${sq(`[${zdesc(o.description)}]${value}`)}`;
  };
  const globals = spec.globals.map(optionArg).join(' \\\n');
  const word = lang === 'zh' ? { command: '命令', arg: '参数' } : { command: 'command', arg: 'argument' };
  const cases = spec.commands
    .map((c) => {
      const args = [...c.options.map(optionArg)];
      if (c.positional) args.push(`    ${sq(`*:${word.arg}:${action(c.positional)}`)}`);
      return `        ${c.name})\n          _arguments -s \\\n${[...args, globals].join(' \\\n')}\n          ;;`;
    })
    .join('\n');
  return `#compdef ${spec.name}
# ${lang === 'zh' ? `${spec.name} 的 zsh 补全（由 ${spec.name} completion zsh 生成）。启用：${spec.name} completion zsh > "\${fpath[1]}/_${spec.name}"，或在 ~/.zshrc 里 source <(${spec.name} completion zsh)` : `zsh completion for ${spec.name} (made by ${spec.name} completion zsh). Enable: ${spec.name} completion zsh > "\${fpath[1]}/_${spec.name}", or source <(${spec.name} completion zsh) in ~/.zshrc`}
${fn}() {
  local curcontext="$curcontext" state line
  local -a commands
  _arguments -C -s \\
${globals} \\
    '1:${word.command}:->command' \\
    '*::${word.arg}:->args'
  case $state in
    command)
      commands=(
${spec.commands.map((c) => `        ${sq(`${c.name}:${c.description}`)}`).join('\n')}
      )
      _describe -t commands '${word.command}' commands
      ;;
    args)
      case $line[1] in
${cases}
      esac
      ;;
  esac
}
if [ "$funcstack[1]" = "${fn}" ]; then
  ${fn} "$@"
else
  compdef ${fn} ${spec.name}
fi
`;
}

function fish(spec: ProgramSpec, lang: Lang): string {
  const name = spec.name;
  const args = (kind: ValueKind | undefined) => {
    switch (kind?.kind) {
      case 'dir':
        return `-x -a '(__fish_complete_directories)'`;
      case 'file':
        return '-r -F';
      case 'choices':
        return `-x -a ${sq(kind.words.join(' '))}`;
      default:
        return '-x';
    }
  };
  const option = (o: OptionSpec, condition?: string) =>
    [
      `complete -c ${name}`,
      condition ? `-n ${sq(condition)}` : '',
      o.short ? `-s ${o.short.slice(1)}` : '',
      o.long ? `-l ${o.long.slice(2)}` : '',
      o.value ? args(o.value) : '',
      `-d ${sq(o.description)}`,
    ]
      .filter(Boolean)
      .join(' ');
  const lines = [
    `# ${lang === 'zh' ? `${name} 的 fish 补全（由 ${name} completion fish 生成）。启用：${name} completion fish > ~/.config/fish/completions/${name}.fish` : `fish completion for ${name} (made by ${name} completion fish). Enable: ${name} completion fish > ~/.config/fish/completions/${name}.fish`}`,
    `complete -c ${name} -f`,
    ...spec.globals.map((o) => option(o)),
    ...spec.commands.map((c) => `complete -c ${name} -n __fish_use_subcommand -a ${c.name} -d ${sq(c.description)}`),
  ];
  for (const c of spec.commands) {
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(option(o, seen));
    if (c.positional) {
      const kind = c.positional;
      lines.push(
        kind.kind === 'file'
          ? `complete -c ${name} -n ${sq(seen)} -F`
          : kind.kind === 'dir'
            ? `complete -c ${name} -n ${sq(seen)} -a '(__fish_complete_directories)'`
            : kind.kind === 'choices'
              ? `complete -c ${name} -n ${sq(seen)} -a ${sq(kind.words.join(' '))}`
              : '',
      );
    }
  }
  return lines.filter(Boolean).join('\n') + '\n';
}

/** The completion script for `shell`, from the registered commands. */
export function completionScript(program: Command, shell: Shell, lang: Lang, words: ValueWords = {}): string {
  const spec = programSpec(program, lang, words);
  return { bash, zsh, fish }[shell](spec, lang);
}
