/*
 * What is read from the command line before commander parses it: whether a command runs one report
 * or a batch (commands/index.ts decides so), and, from that, which code cache a run is served by
 * (code-cache.ts reads it before the CLI is even compiled). Kept free of imports: the warm start's
 * loader, lib/code-cache.cjs, bundles this file.
 */

/** Several folders or a pattern go to the batch runner; one plain folder keeps the single-report path. */
export const isBatch = (dirs: readonly string[]): boolean => dirs.length > 1 || dirs.some((d) => /[*?[\]{}]/.test(d));

/**
 * Every option of the program and its commands that takes a value (`--lang en`, `-o out`): the word
 * after it is that value, not a command or a folder. test/command-line.test.ts holds this list
 * against commander's own definitions, so an option added there without being added here fails it.
 */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--lang',
  '-f',
  '--format',
  '-o',
  '--out',
  '-j',
  '--jobs',
  '-p',
  '--port',
  '--profile',
  '--org',
  '--year',
  '--date',
  '--encoding',
  '--rev',
]);

/** The commands that hand several folders to the batch's worker threads (fmt and the rest take them one after another, in this thread). */
const POOLED = new Set(['check', 'build']);

/**
 * The command as the warm start names its code cache: the first word that is not an option or an
 * option's value, and `-batch` after it when that command runs a batch. The main thread of a batch
 * runs the command line and the pool, not the pipeline its workers run (they have a cache of their
 * own), so a cache made by a batch would leave out the pipeline a single `build` compiles, and a
 * single build's would bring a batch's main thread the pipeline for nothing: each keeps its own.
 * 'none' when there is no command (--version, --help).
 */
export function cacheCommand(argv: readonly string[]): string {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  const [command, ...dirs] = words;
  if (command === undefined || !/^[a-z]{1,16}$/.test(command)) return 'none';
  return POOLED.has(command) && isBatch(dirs) ? `${command}-batch` : command;
}
