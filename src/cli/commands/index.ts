import { Argument, Option, type Command } from 'commander';
import { OUTPUT_FORMATS } from '../../render/registry.js';
import { SUMMARY_FORMATS } from '../../summary/formats.js';
import { isBatch } from '../command-line.js';
import { t, UsageError, type CliContext } from '../context.js';

/**
 * Each command registers itself: its options and help text here, its work in a module
 * imported only when the command runs (start-up cost stays low).
 */
export type RegisterCommand = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

/** The built-in profiles are the files of schemas/profiles/: the command checks the name (reading that folder only when it runs). */
const profileOption = (ctx: CliContext) =>
  new Option('--profile <name>', t(ctx, '提纲：内置提纲名，即 schemas/profiles/ 下的文件名', 'outline profile: a built-in name, a file name in schemas/profiles/')).default('national');

const dirArgument = (ctx: CliContext) =>
  t(ctx, '报告文件夹，默认为当前文件夹；可给多个或通配符（如 reports/*），并行处理并汇总', 'report folder, default: the current folder; several or a glob (reports/*) run in parallel with one summary');

/** -j: a positive whole number, refused at parse time whichever path (one folder or a batch) runs. */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new UsageError(`-j/--jobs 要写正整数（同时处理的报告数，如 -j 2），不能是“${value}”。`, `-j/--jobs takes a positive whole number (reports at once, e.g. -j 2), not "${value}".`);
  }
  return Number(value);
}
const jobsOption = (ctx: CliContext) =>
  new Option('-j, --jobs <n>', t(ctx, '批量时同时处理的报告数，正整数（默认为 CPU 核数）', 'reports processed at once in a batch, a positive whole number (default: CPU cores)')).argParser(parseJobs);

/** The build command's words about formats, from the renderer registry (the one list of them). */
function formatsHelp(ctx: CliContext) {
  const names = OUTPUT_FORMATS.map((f) => f.id.toUpperCase());
  const either = (or: string, sep: string) => `${names.slice(0, -1).join(sep)}${or}${names.at(-1)}`;
  const ids = OUTPUT_FORMATS.map((f) => f.id).join(',');
  const browser = OUTPUT_FORMATS.filter((f) => f.needsBrowser).map((f) => f.id);
  const defaults = OUTPUT_FORMATS.filter((f) => f.default).map((f) => f.id).join(',');
  return {
    description: t(ctx, `校验报告并生成 ${either(' 或 ', '、')}（默认写入 dist/）`, `validate the report and write ${either(' or ', ', ')} (to dist/ by default)`),
    option: t(
      ctx,
      `输出格式，逗号分隔：${ids}（默认 ${defaults}${browser.length ? `；${browser.join('、')} 需要本机安装 Chromium` : ''}）`,
      `output formats, comma-separated: ${ids} (default ${defaults}${browser.length ? `; ${browser.join(', ')} needs a local Chromium` : ''})`,
    ),
  };
}

const build: RegisterCommand = (program, ctx, setExit) => {
  const help = formatsHelp(ctx);
  program
    .command('build')
    .description(help.description)
    .argument('[dirs...]', dirArgument(ctx))
    .option('-f, --format <formats>', help.option)
    .option('-o, --out <dir>', t(ctx, '输出文件夹（默认 lawreport.yaml 中的 output.dir，即 dist）', 'output folder (default: output.dir in lawreport.yaml, i.e. dist)'))
    .addOption(jobsOption(ctx))
    .action(async (dirs: string[], opts) => {
      if (isBatch(dirs)) return setExit(await (await import('../batch/command.js')).batchCommand(ctx, 'build', dirs, opts));
      const { buildCommand } = await import('./build.js');
      setExit(await buildCommand(ctx, dirs[0], opts));
    });
};

const check: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('check')
    .description(t(ctx, '只校验，不生成文件；有错误时退出码为 1', 'validate only; exit code 1 when there are errors'))
    .argument('[dirs...]', dirArgument(ctx))
    .option(
      '--format <name>',
      t(ctx, '诊断输出格式：human、json、github（GitHub Actions 注释）、sarif（SARIF 2.1.0）', 'diagnostics format: human, json, github (GitHub Actions annotations), sarif (SARIF 2.1.0)'),
      'human',
    )
    .option('--strict', t(ctx, '有警告也以退出码 1 结束', 'exit 1 on warnings too'))
    .addOption(jobsOption(ctx))
    .option('--fix', t(ctx, '先自动改正可安全修正的问题（写回章节文件），再校验', 'apply the safe fixes to the chapter files first, then check'))
    .action(async (dirs: string[], opts) => {
      if (opts.fix) {
        const { fmtCommand } = await import('./fmt.js');
        const folders = isBatch(dirs) ? await (await import('../batch/expand.js')).expandReportDirs(ctx.cwd, dirs) : [dirs[0]];
        for (const folder of folders) {
          const fixed = await fmtCommand(ctx, folder, { fix: true }, false);
          if (fixed !== 0) return setExit(fixed);
        }
      }
      if (isBatch(dirs)) return setExit(await (await import('../batch/command.js')).batchCommand(ctx, 'check', dirs, opts));
      const { checkCommand } = await import('./check.js');
      setExit(await checkCommand(ctx, dirs[0], opts));
    });
};

const summary: RegisterCommand = (program, ctx, setExit) => {
  const ids = SUMMARY_FORMATS.map((f) => f.id).join(',');
  const defaults = SUMMARY_FORMATS.filter((f) => f.default).map((f) => f.id).join(',');
  const each = SUMMARY_FORMATS.map((f) => `${f.id}: ${t(ctx, f.label.zh, f.label.en)}`).join(t(ctx, '；', '; '));
  program
    .command('summary')
    .description(t(ctx, '区县汇总：校验多份报告，生成合规表、数据表（含合计）和问题清单（Excel 和网页）', 'district summary: check many reports and write compliance, figures with totals and problems (Excel and a web page)'))
    .argument('<dirs...>', t(ctx, '报告文件夹或通配符（如 各镇报告/*）', 'report folders or a glob (reports/*)'))
    .option('-o, --out <path>', t(ctx, '输出文件夹（文件名为“汇总.xlsx”等；默认为当前文件夹），或带扩展名的文件名，如 区汇总.xlsx', 'output folder (files named 汇总.xlsx etc.; default: the current folder), or a file name with an extension, e.g. 区汇总.xlsx'))
    .option('-f, --format <list>', t(ctx, `汇总格式，逗号分隔：${ids}（默认 ${defaults}）。${each}`, `summary formats, comma-separated: ${ids} (default ${defaults}). ${each}`))
    .option('--strict', t(ctx, '有警告的报告也算未通过', 'reports with warnings fail too'))
    .addOption(jobsOption(ctx))
    .action(async (dirs: string[], opts) => {
      const { summaryCommand } = await import('./summary.js');
      setExit(await summaryCommand(ctx, dirs, opts));
    });
};

const preview: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('preview')
    .description(t(ctx, '在本机浏览器里预览报告：保存即刷新，页面顶部显示问题；不写任何文件', 'preview the report in a local browser: refreshes on save, problems shown on top; writes no file'))
    .argument('[dir]', t(ctx, '报告文件夹（一个），默认为当前文件夹', 'the report folder (one), default: the current folder'))
    .option('-p, --port <port>', t(ctx, '端口（默认 4321，被占用时任选；0 表示任选）', 'port (default 4321, any free one if taken; 0 picks any)'))
    .action(async (dir: string | undefined, opts) => {
      const { previewCommand } = await import('./preview.js');
      setExit(await previewCommand(ctx, dir, opts));
    });
};

const fmt: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('fmt')
    .description(t(ctx, '把章节 Markdown 改写为统一格式；--fix 同时改正可安全修正的用语、标点和手写的标题编号', 'rewrite chapter Markdown in a stable form; --fix also applies the safe wording, punctuation and heading-number fixes'))
    .argument('[dirs...]', t(ctx, '报告文件夹，默认为当前文件夹；可给多个或通配符（如 reports/*）', 'report folder, default: the current folder; several or a glob (reports/*)'))
    .option('--fix', t(ctx, '同时改正“法制政府”、半角标点、“1、”、“24年”、“15～30%”、手写的标题编号等', 'also fix 法制政府, half-width punctuation, 1、, 24年, 15～30%, typed heading numbers and the like'))
    .option('--check', t(ctx, '不写文件，只列出需要改动的文件；有改动时退出码为 1（用于 CI）', 'write nothing, list the files that would change; exit 1 if any (for CI)'))
    .action(async (dirs: string[], opts) => {
      const { fmtCommand } = await import('./fmt.js');
      const folders = isBatch(dirs) ? await (await import('../batch/expand.js')).expandReportDirs(ctx.cwd, dirs) : [dirs[0]];
      let worst = 0;
      for (const folder of folders) worst = Math.max(worst, await fmtCommand(ctx, folder, opts));
      setExit(worst);
    });
};

const init: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('init')
    .description(t(ctx, '按提纲新建报告文件夹（lawreport.yaml、metrics.yaml、各章节、.gitignore、.gitattributes、package.json、CI 配置）', 'create a report folder from the outline (lawreport.yaml, metrics.yaml, chapters, .gitignore, .gitattributes, package.json, CI workflow)'))
    .argument('[dir]', t(ctx, '新报告文件夹，默认为当前文件夹', 'the new report folder, default: the current folder'))
    .addOption(profileOption(ctx))
    .option('--org <name>', t(ctx, '报告主体，如 示例镇人民政府（必填）', 'reporting body, e.g. 示例镇人民政府 (required)'))
    .option('--year <year>', t(ctx, '报告年度，默认为去年', 'report year, default: last year'))
    .option('--date <yyyy-mm-dd>', t(ctx, '成文日期，默认为报告年度次年的 2 月 28 日（签发时再改为实际日期）', 'signature date, default: 28 February of the year after the report year (change it when signed)'))
    .option('--force', t(ctx, '覆盖已有的文件', 'overwrite existing files'))
    .action(async (dir: string | undefined, opts) => {
      const { initCommand } = await import('./init.js');
      setExit(await initCommand(ctx, dir, opts));
    });
};

const importReport: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('import')
    .description(t(ctx, '把已发布的报告（DOCX、TXT、Markdown）转成报告文件夹', 'turn a published report (DOCX, TXT, Markdown) into a report folder'))
    .argument('<file>', t(ctx, '去年的报告文件', "last year's report file"))
    .option('-o, --out <dir>', t(ctx, '新报告文件夹，默认为与文件同名的文件夹', 'the new report folder, default: named after the file'))
    .addOption(profileOption(ctx))
    .option('--encoding <name>', t(ctx, '文本编码（自动识别失败时用），如 gb18030、utf-8、utf-16le', 'text encoding when detection fails, e.g. gb18030, utf-8, utf-16le'))
    .option('--template-figures', t(ctx, '正文中的数字换成对 metrics.yaml 的引用（lawreport 生成的 DOCX 默认如此）', 'replace figures in the text with references to metrics.yaml (the default for a DOCX lawreport built)'))
    .option('--no-template-figures', t(ctx, '数字照原样保留，lawreport 生成的 DOCX 也不换成引用', 'keep figures as literal numbers, even in a DOCX lawreport built'))
    .option('--force', t(ctx, '覆盖已有的文件', 'overwrite existing files'))
    .action(async (file: string, opts) => {
      const { importCommand } = await import('./import.js');
      setExit(await importCommand(ctx, file, opts));
    });
};

const diff: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('diff')
    .description(t(ctx, '比较报告的两个版本（两个文件夹，或 git 的两个修订）：数据的新旧值和差、印出的正文逐句对照、章节和问题的变化', 'compare two versions of a report (two folders, or two git revisions): figures old → new, the printed text sentence by sentence, chapters and problems'))
    .argument('[versions...]', t(ctx, '两个报告文件夹；或修订（HEAD~1、main..HEAD、main...HEAD）加报告文件夹，默认比较 HEAD 与工作区的当前文件夹', 'two report folders; or revisions (HEAD~1, main..HEAD, main...HEAD) and a report folder; default: HEAD against the work tree, of the current folder'))
    .option('--rev <revision>', t(ctx, '要比较的修订，可给两次（--rev v1 --rev v2）；只给一次时与工作区比较', 'a revision to compare, up to twice (--rev v1 --rev v2); once compares it with the work tree'), (value: string, previous: string[] = []) => [...previous, value])
    .option('--format <name>', t(ctx, '输出格式：human、markdown（GitHub 的步骤摘要、合并请求评论）、json（格式见 schemas/diff-output.schema.json）', 'output format: human, markdown (GitHub step summary, merge-request comment), json (shape: schemas/diff-output.schema.json)'), 'human')
    .option('--exit-code', t(ctx, '有变化时以退出码 1 结束（像 git diff --exit-code），没有变化时为 0', 'exit with 1 when there are changes (like git diff --exit-code), 0 when there are none'))
    .action(async (versions: string[], opts) => {
      const { diffCommand } = await import('./diff.js');
      setExit(await diffCommand(ctx, versions, opts));
    });
};

const textconv: RegisterCommand = (program, ctx, setExit) => {
  program
    .command('textconv')
    .description(t(ctx, '供 git 比对用（diff.lawreport.textconv）：把 .docx 转成文字，把章节 .md 转成填好数据后印出的正文', "for git's diffs (diff.lawreport.textconv): a .docx as its text, a chapter .md as the text it prints with the figures filled in"))
    .argument('<file>', t(ctx, '.docx 或章节 .md 文件', 'a .docx or a chapter .md file'))
    .action(async (file: string) => {
      const { textconvCommand } = await import('./textconv.js');
      setExit(await textconvCommand(ctx, file));
    });
};

/** `lawreport completion bash|zsh|fish`: the script is made from the commands registered on the program. */
const completion: RegisterCommand = (program, ctx) => {
  program
    .command('completion')
    .description(t(ctx, '输出 shell 的命令补全脚本（bash、zsh、fish）', 'print the shell completion script (bash, zsh, fish)'))
    .addArgument(new Argument('<shell>', t(ctx, '哪一种 shell', 'which shell')).choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      t(
        ctx,
        '\n启用：\n  bash  在 ~/.bashrc 里加一行：source <(lawreport completion bash)\n  zsh   lawreport completion zsh > "${fpath[1]}/_lawreport"（或在 ~/.zshrc 里 source <(lawreport completion zsh)）\n  fish  lawreport completion fish > ~/.config/fish/completions/lawreport.fish',
        '\nEnable:\n  bash  add to ~/.bashrc: source <(lawreport completion bash)\n  zsh   lawreport completion zsh > "${fpath[1]}/_lawreport" (or source <(lawreport completion zsh) in ~/.zshrc)\n  fish  lawreport completion fish > ~/.config/fish/completions/lawreport.fish',
      ),
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const [{ completionScript }, { builtinProfileNames }, { builtinsHost }] = await Promise.all([import('../completion.js'), import('../../profile/load.js'), import('../../io/builtins-host.js')]);
      // The built-in profiles as this installation has them (a profile file's path completes as a file name).
      ctx.stdout(completionScript(program, shell, ctx.lang, { '--profile': await builtinProfileNames(builtinsHost()) }));
    });
};

/** Every command, in the order `lawreport --help` lists them. */
export const commands: RegisterCommand[] = [init, importReport, build, check, summary, diff, fmt, preview, textconv, completion];
