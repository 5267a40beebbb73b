import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { shownPath } from '../src/cli/format/paths.js';
import { wrapText, displayWidth } from '../src/cli/help.js';
import { chooseLang, colorEnabled } from '../src/cli/terminal.js';
import { copyExample, repoRoot, runCli } from './helpers.js';

const exec = promisify(execFile);

/** The command names `lawreport --help` lists (the registry as a user sees it). */
async function commandNames(lang: 'zh' | 'en' = 'zh'): Promise<string[]> {
  const help = (await runCli(['--lang', lang, '--help'], os.tmpdir())).stdout;
  const section = help.split(lang === 'zh' ? '命令：' : 'Commands:')[1]!;
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
}

/** What commander writes when left untranslated. */
const COMMANDER_ENGLISH = /Usage:|Options:|Commands:|Arguments:|Global Options:|display help|\(choices:|\(default:|\[options\]|\[command\]|error:|too many|missing|unknown|Did you mean|Allowed choices/;

describe('help in the user\'s language', () => {
  it('lists every command, titles, placeholders, choices and defaults in Chinese', async () => {
    const help = await runCli(['--help'], os.tmpdir());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法： lawreport \[选项\] \[命令\]/);
    for (const title of ['选项：', '命令：']) expect(help.stdout).toContain(title);
    expect(help.stdout).toMatch(/help \[命令\] +显示命令的帮助/);
    expect(help.stdout.replace(/\n +/g, '')).toMatch(/--lang <语言> +提示语言，也可用环境变量 LAWREPORT_LANG 设置（可选：zh、en；默认：zh）/);
    expect(help.stdout).toMatch(/-v, --version/);
    expect(help.stdout).not.toMatch(COMMANDER_ENGLISH);
    const names = await commandNames();
    expect(names).toEqual(expect.arrayContaining(['init', 'import', 'build', 'check', 'fmt', 'preview', 'completion']));
  });

  it('gives each command\'s help in Chinese, with the global options, and in English with --lang en', async () => {
    for (const name of await commandNames()) {
      const zh = await runCli([name, '--help'], os.tmpdir());
      expect(zh.code, name).toBe(0);
      expect(zh.stdout, name).toMatch(new RegExp(`^用法： lawreport ${name} `));
      expect(zh.stdout, name).toContain('全局选项：');
      expect(zh.stdout, name).not.toMatch(COMMANDER_ENGLISH);
      // `lawreport help <command>` is the same text.
      expect((await runCli(['help', name], os.tmpdir())).stdout).toBe(zh.stdout);
      const en = await runCli([name, '--help', '--lang', 'en'], os.tmpdir());
      expect(en.stdout, name).toMatch(new RegExp(`^Usage: lawreport ${name} `));
      expect(en.stdout, name).toContain('Global Options:');
      expect(en.stdout, name).not.toMatch(/[用法选项参数命令]：/);
    }
  });

  it('says what each command takes: fmt several folders or a glob, preview one folder', async () => {
    const fmt = (await runCli(['fmt', '--help'], os.tmpdir())).stdout;
    expect(fmt).toMatch(/^用法： lawreport fmt \[选项\] \[文件夹\.\.\.\]/);
    expect(fmt).toMatch(/可给多个或通配符/);
    const preview = (await runCli(['preview', '--help'], os.tmpdir())).stdout;
    expect(preview).toMatch(/^用法： lawreport preview \[选项\] \[文件夹\]\n/);
    expect(preview).toContain('报告文件夹（一个）');
    expect(preview).not.toMatch(/多个|通配符/);
  });

  it('wraps Chinese help at 80 columns, counting a CJK character as two, never before a closing mark', () => {
    const text = '把章节 Markdown 改写为统一格式；--fix 同时改正可安全修正的用语、标点和手写的标题编号，不动代码、链接和书名。';
    const lines = wrapText(text, 30).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(30);
      expect(line).not.toMatch(/^[，。、；：）]/);
    }
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

describe('usage errors in the user\'s language, exit 2', () => {
  const cases: [string[], RegExp, RegExp][] = [
    [['check', '--bogus'], /^用法错误：未知的选项“--bogus”\n运行 lawreport check --help 查看用法。\n$/, /^usage error: unknown option '--bogus'\nRun lawreport check --help for usage\.\n$/],
    [['check', '--stric'], /^用法错误：未知的选项“--stric”（是不是 --strict？）/, /\(Did you mean --strict\?\)/],
    [['chek'], /^用法错误：未知的命令“chek”（是不是 check？）\n运行 lawreport --help 查看用法。/, /unknown command 'chek'/],
    [['import'], /^用法错误：缺少参数“文件”\n运行 lawreport import --help/, /missing required argument 'file'/],
    [['build', '-f'], /^用法错误：选项“-f, --format <格式>”缺少值/, /option '-f, --format <formats>' argument missing/],
    [['preview', 'a', 'b'], /^用法错误：命令“preview”参数过多：最多 1 个，给了 2 个\n运行 lawreport preview --help/, /too many arguments for 'preview'/],
    [['completion', 'tcsh'], /^用法错误：参数“shell”的值“tcsh”无效，可选：bash、zsh、fish/, /Allowed choices are bash, zsh, fish/],
    [['--lang'], /^用法错误：选项“--lang <语言>”缺少值/, /argument missing/],
  ];
  it.each(cases)('%j', async (argv, zh, en) => {
    const run = await runCli(argv, os.tmpdir());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(zh);
    expect(run.stderr).not.toMatch(COMMANDER_ENGLISH);
    const english = await runCli([...argv, '--lang', 'en'], os.tmpdir());
    // `--lang` alone takes `--lang` as its missing value's neighbour: that case stays Chinese.
    if (argv[0] !== '--lang') {
      expect(english.code).toBe(2);
      expect(english.stderr).toMatch(en);
    }
  });

  it('refuses an unknown language in both languages, from --lang or LAWREPORT_LANG', async () => {
    const flag = await runCli(['--lang', 'fr', 'check'], os.tmpdir());
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe('用法错误：--lang 只能是 zh（中文）或 en（英文），不能是“fr”。\nusage error: --lang must be zh (Chinese) or en (English), not "fr".\n');
    expect((await runCli(['check', '--lang=fr'], os.tmpdir())).stderr).toContain('不能是“fr”');
    const env = await runCli(['check'], os.tmpdir(), { LAWREPORT_LANG: 'fr' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('环境变量 LAWREPORT_LANG 只能是 zh（中文）或 en（英文），不能是“fr”');
    expect(env.stderr).toContain('the environment variable LAWREPORT_LANG must be zh (Chinese) or en (English)');
  });

  it('reads LAWREPORT_LANG as a language or a locale, --lang winning', async () => {
    expect(chooseLang([], { LAWREPORT_LANG: 'en' })).toEqual({ lang: 'en' });
    expect(chooseLang([], { LAWREPORT_LANG: 'en_US.UTF-8' })).toEqual({ lang: 'en' });
    expect(chooseLang([], { LAWREPORT_LANG: 'zh-CN' })).toEqual({ lang: 'zh' });
    expect(chooseLang([], { LAWREPORT_LANG: '' })).toEqual({ lang: 'zh' });
    expect(chooseLang(['--lang', 'zh'], { LAWREPORT_LANG: 'en' })).toEqual({ lang: 'zh' });
    expect(chooseLang(['--', '--lang', 'fr'], {})).toEqual({ lang: 'zh' });
    const run = await runCli(['check', 'no-such-folder'], os.tmpdir(), { LAWREPORT_LANG: 'en' });
    expect(run.stderr).toBe('Folder "no-such-folder" not found. Check the path, or create a report with lawreport init.\n');
  });

  it('checks -j at parse time, for one folder as for a batch', async () => {
    const dir = await copyExample();
    for (const value of ['abc', '0', '-1', '1.5', '']) {
      for (const argv of [['check', '-j', value], ['build', '.', 'chapters', '-j', value]]) {
        const run = await runCli(argv, dir);
        expect(run.code, `${argv}`).toBe(2);
        expect(run.stderr).toBe(`-j/--jobs 要写正整数（同时处理的报告数，如 -j 2），不能是“${value}”。\n`);
      }
    }
    expect((await runCli(['check', '-j', '1'], dir)).code).toBe(0);
    expect((await runCli(['--lang', 'en', 'check', '--jobs=0'], dir)).stderr).toContain('-j/--jobs takes a positive whole number');
  });
});

describe('exit codes: 0 clean, 1 errors in the report, 2 usage or a read failure', () => {
  it('2 for a missing lawreport.yaml, whichever command reads it, and for a missing folder', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'lawreport-empty-'));
    for (const argv of [['check'], ['build'], ['fmt'], ['fmt', '--check'], ['check', '--format', 'json'], ['check', '--fix']]) {
      const run = await runCli(argv, empty);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr + run.stdout).toContain('找不到 lawreport.yaml');
    }
    for (const argv of [['check', 'nowhere'], ['build', 'nowhere'], ['fmt', 'nowhere'], ['preview', 'nowhere']]) {
      const run = await runCli(argv, empty);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain('找不到文件夹“nowhere”');
    }
    await writeFile(path.join(empty, 'file.txt'), 'x');
    expect((await runCli(['check', 'file.txt'], empty)).code).toBe(2);
  });

  it('2 in a batch when a report cannot be read, 1 when one has errors', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-batch-'));
    const good = await copyExample();
    await cp(good, path.join(root, 'a'), { recursive: true });
    await cp(good, path.join(root, 'b'), { recursive: true });
    await writeFile(path.join(root, 'b', 'chapters', '02-shortcomings.md'), '---\nid: shortcomings\n---\n\n待补充。\n');
    expect((await runCli(['check', 'a', 'b'], root)).code).toBe(1);
    await mkdir(path.join(root, 'c'));
    expect((await runCli(['check', 'a', 'b', 'c'], root)).code).toBe(2);
  });

  it('0 for help and the version (-v and --version), 2 for no command at all', async () => {
    const version = JSON.parse(await readFile(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')).version;
    for (const argv of [['-v'], ['--version'], ['check', '-v']]) expect(await runCli(argv, os.tmpdir())).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await runCli(['help'], os.tmpdir())).code).toBe(0);
    const bare = await runCli([], os.tmpdir());
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^用法： lawreport/);
  });
});

describe('colour and --quiet', () => {
  const run = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv, isTTY: boolean) => {
    let stdout = '';
    const code = await main({ argv, cwd, env, isTTY, stdout: (s) => void (stdout += s), stderr: () => {} });
    return { code, stdout };
  };
  const coloured = /\u001b\[\d+m/;

  it('NO_COLOR counts only when not empty (no-color.org); FORCE_COLOR as Node and chalk read it; --no-color wins', async () => {
    const dir = await copyExample();
    expect((await run(['check'], dir, {}, true)).stdout).toMatch(coloured);
    expect((await run(['check'], dir, { NO_COLOR: '' }, true)).stdout).toMatch(coloured);
    expect((await run(['check'], dir, { NO_COLOR: '1' }, true)).stdout).not.toMatch(coloured);
    expect((await run(['check'], dir, {}, false)).stdout).not.toMatch(coloured);
    for (const force of ['', '1', '2', '3', 'true']) expect((await run(['check'], dir, { FORCE_COLOR: force }, false)).stdout, force).toMatch(coloured);
    for (const force of ['0', 'false']) expect((await run(['check'], dir, { FORCE_COLOR: force }, true)).stdout, force).not.toMatch(coloured);
    // FORCE_COLOR beats NO_COLOR, as in Node; the command line beats both.
    expect((await run(['check'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).stdout).toMatch(coloured);
    expect((await run(['check', '--no-color'], dir, { FORCE_COLOR: '1' }, true)).stdout).not.toMatch(coloured);
    expect(colorEnabled({ TERM: 'dumb' }, true)).toBe(false);
  });

  it('--quiet hides infos and hints, in every format, and keeps errors and warnings', async () => {
    const dir = await copyExample();
    // An info (a typed heading number) and a warning with a hint (half-width punctuation).
    const file = path.join(dir, 'chapters', '02-shortcomings.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n## /, '\n## （一）') + '\n本年度,仍有不足。\n');
    const loud = await runCli(['check'], dir);
    expect(loud.stdout).toMatch(/提示 .*\[heading-typed-number\]/);
    expect(loud.stdout).toMatch(/\n {4}→ /);
    for (const argv of [['check', '-q'], ['--quiet', 'check']]) {
      const quiet = await runCli(argv, dir);
      expect(quiet.code).toBe(loud.code);
      expect(quiet.stdout).not.toContain('heading-typed-number');
      expect(quiet.stdout).not.toMatch(/→/);
      expect(quiet.stdout).toMatch(/警告 .*\[punctuation-halfwidth\]/);
    }
    const json = JSON.parse((await runCli(['check', '-q', '--format', 'json'], dir)).stdout) as { severity: string; hint?: unknown }[];
    expect(json.length).toBeGreaterThan(0);
    expect(json.filter((d) => d.severity === 'info' || d.hint)).toEqual([]);
  });
});

describe('fmt and preview take what their help says', () => {
  it('fmt takes several folders or a glob', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-fmt-'));
    const example = await copyExample();
    for (const name of ['甲镇', '乙镇']) {
      await cp(example, path.join(root, 'reports', name), { recursive: true });
      const file = path.join(root, 'reports', name, 'chapters', '02-shortcomings.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/\n## /, '\n## （一）'));
    }
    const check = await runCli(['fmt', '--check', '--fix', 'reports/甲镇', 'reports/乙镇'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/需要格式化 reports\/甲镇\/chapters\/02-shortcomings\.md[\s\S]*需要格式化 reports\/乙镇\/chapters\/02-shortcomings\.md/);
    const fix = await runCli(['fmt', '--fix', 'reports/*'], root);
    expect(fix.code, fix.stderr).toBe(0);
    for (const name of ['甲镇', '乙镇']) expect(await readFile(path.join(root, 'reports', name, 'chapters', '02-shortcomings.md'), 'utf8')).not.toContain('（一）');
    expect((await runCli(['fmt', '--check', '--fix', 'reports/*'], root)).code).toBe(0);
  });
});

describe('one path display rule', () => {
  it('shows paths relative to where the command ran, with "/" on Windows too', () => {
    expect(shownPath('C:\\Users\\clerk\\报告', 'C:\\Users\\clerk\\报告\\某镇-2024\\dist\\报告.docx', path.win32)).toBe('某镇-2024/dist/报告.docx');
    expect(shownPath('C:\\a', 'C:\\a', path.win32)).toBe('.');
    expect(shownPath('/home/c', '/home/c/某镇-2024/dist/报告.docx', path.posix)).toBe('某镇-2024/dist/报告.docx');
  });

  it('build names what it wrote the way diagnostics name files', async () => {
    const dir = await copyExample();
    const run = await runCli(['build', 'report', '-f', 'txt'], path.dirname(dir));
    expect(run.stdout).toMatch(/^已生成 report\/dist\/.+\.txt\n$/);
  });
});

/** Whether a shell is here; in CI it must be (.ci/run installs zsh and fish). */
function has(shell: string): boolean {
  try {
    execFileSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('lawreport completion bash|zsh|fish', () => {
  const script = async (shell: string, lang = 'zh') => (await runCli(['completion', shell, '--lang', lang], os.tmpdir())).stdout;
  const shellTest = (shell: string) => (has(shell) || process.env.CI ? it : it.skip);

  it('names every registered command, option and choice', async () => {
    const names = await commandNames();
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = await script(shell);
      for (const name of names) expect(text, `${shell} ${name}`).toContain(name);
      for (const flag of ['--format', '--strict', '--jobs', '--template-figures', '--quiet', '--lang']) expect(text, `${shell} ${flag}`).toContain(flag.slice(2));
      expect(text).toMatch(/zh en/);
    }
  });

  shellTest('bash')('bash: the script parses (bash -n) and completes commands, options, choices and folders', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-complete-'));
    const file = path.join(dir, 'lawreport.bash');
    await writeFile(file, await script('bash'));
    await exec('bash', ['-n', file]);
    await mkdir(path.join(dir, '某镇 2024'));
    await mkdir(path.join(dir, 'other'));
    const complete = async (...words: string[]) => {
      const line = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _lawreport; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return (await exec('bash', ['-c', line], { cwd: dir })).stdout.split('\n').filter(Boolean);
    };
    expect(await complete('lawreport', 'ch')).toEqual(['check']);
    expect(await complete('lawreport', 'c')).toEqual(['check', 'completion']);
    expect(await complete('lawreport', 'check', '--st')).toEqual(['--strict']);
    expect(await complete('lawreport', '--lang', '')).toEqual(['zh', 'en']);
    expect(await complete('lawreport', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(await complete('lawreport', 'help', 'pr')).toEqual(['preview']);
    expect((await complete('lawreport', '--lang', 'en', 'build', '')).sort()).toEqual(['other', '某镇 2024']);
    expect(await complete('lawreport', 'build', '-o', '某')).toEqual(['某镇 2024']);
    // --profile: the built-in profiles this installation has (schemas/profiles/), not a list kept here.
    const profiles = (await readdir(path.join(repoRoot, 'schemas', 'profiles'))).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    expect(profiles).toContain('national');
    expect((await complete('lawreport', 'init', '--profile', '')).sort()).toEqual(profiles.sort());
    expect(await complete('lawreport', 'import', 'a.docx', '--profile', 'nat')).toEqual(['national']);
  });

  shellTest('zsh')('zsh: the script parses (zsh -n)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-complete-'));
    for (const lang of ['zh', 'en']) {
      const file = path.join(dir, `_lawreport-${lang}`);
      await writeFile(file, await script('zsh', lang));
      await exec('zsh', ['-n', file]);
    }
    // Loaded as a completion function, it defines itself without errors.
    const file = path.join(dir, '_lawreport-zh');
    const out = await exec('zsh', ['-f', '-c', `autoload -Uz compinit && compinit -u -D; source ${JSON.stringify(file)}; whence -w _lawreport`]);
    expect(out.stdout).toContain('_lawreport: function');
    expect(out.stderr).toBe('');
  });

  shellTest('fish')('fish: the script parses (fish -n) and completes commands, options and choices', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lawreport-complete-'));
    const file = path.join(dir, 'lawreport.fish');
    await writeFile(file, await script('fish'));
    await exec('fish', ['-n', file]);
    const complete = async (line: string) =>
      (await exec('fish', ['--no-config', '-c', `source ${JSON.stringify(file)}; complete -C ${JSON.stringify(line)}`], { cwd: dir })).stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t'));
    expect(await complete('lawreport ch')).toEqual([['check', '只校验，不生成文件']]);
    expect((await complete('lawreport check --st')).map((c) => c[0])).toEqual(['--strict']);
    expect((await complete('lawreport --lang ')).map((c) => c[0])).toEqual(['en', 'zh']);
    expect((await complete('lawreport completion ')).map((c) => c[0]).sort()).toEqual(['bash', 'fish', 'zsh']);
  });
});
