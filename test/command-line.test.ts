import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { cacheCommand, isBatch, VALUE_OPTIONS } from '../src/cli/command-line.js';
import type { CliContext } from '../src/cli/context.js';
import { createProgram } from '../src/cli/main.js';

const quietCtx = (): CliContext => ({
  lang: 'zh',
  color: false,
  isTTY: false,
  debug: false,
  quiet: false,
  cwd: process.cwd(),
  stdout: () => {},
  stderr: () => {},
  env: {},
  handleSignals: false,
});

/** Every flag (short and long) of the program and its commands whose option takes a value, as commander defines them. */
function valueFlags(program: Command): Set<string> {
  const flags = new Set<string>();
  for (const command of [program, ...program.commands]) {
    for (const option of command.options) {
      if (!option.required && !option.optional) continue;
      if (option.short) flags.add(option.short);
      if (option.long) flags.add(option.long);
    }
  }
  return flags;
}

describe('the command line as read before the CLI loads', () => {
  it("knows every option that takes a value, as commander's definitions have them", () => {
    const program = createProgram(quietCtx(), false, () => {});
    const defined = valueFlags(program);
    // Sanity: the walk found the commands' options, not only the program's.
    expect(defined).toContain('--out');
    expect(defined).toContain('--rev');
    expect([...VALUE_OPTIONS].sort()).toEqual([...defined].sort());
  });

  it('names the code cache by the command, telling a batch from a single report', () => {
    expect(cacheCommand(['build'])).toBe('build');
    expect(cacheCommand(['build', '-o', 'out'])).toBe('build');
    // The output folder and the formats are values, not a second report folder.
    expect(cacheCommand(['build', '-o', 'out', '-f', 'docx', 'towns/a'])).toBe('build');
    expect(cacheCommand(['build', '--out=out', 'towns/a'])).toBe('build');
    expect(cacheCommand(['build', 'towns/a', 'towns/b', '-o', 'out'])).toBe('build-batch');
    expect(cacheCommand(['build', 'towns/*', '-j', '2'])).toBe('build-batch');
    expect(cacheCommand(['check', '--format', 'json', 'towns/a'])).toBe('check');
    expect(cacheCommand(['check', '--strict', 'a', 'b'])).toBe('check-batch');
    // Global options before the command: --lang's value is not the command.
    expect(cacheCommand(['--lang', 'en', 'check', 'towns/a'])).toBe('check');
    expect(cacheCommand(['-q', '--lang=en', 'build', 'a', 'b'])).toBe('build-batch');
    // After --, every word is a folder, even one that looks like an option.
    expect(cacheCommand(['build', '--', '-a', 'b'])).toBe('build-batch');
    // Only check and build run several folders on the pool; the others keep one cache.
    expect(cacheCommand(['fmt', 'a', 'b'])).toBe('fmt');
    expect(cacheCommand(['summary', 'a', 'b'])).toBe('summary');
    expect(cacheCommand(['--version'])).toBe('none');
    expect(cacheCommand([])).toBe('none');
    expect(cacheCommand(['Build'])).toBe('none');
  });

  it('decides a batch the way the commands do', () => {
    expect(isBatch(['a'])).toBe(false);
    expect(isBatch([])).toBe(false);
    expect(isBatch(['a', 'b'])).toBe(true);
    expect(isBatch(['towns/*'])).toBe(true);
    expect(isBatch(['town-{1,2}'])).toBe(true);
  });
});
