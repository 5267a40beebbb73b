import { builtinsHost, packageUrl } from '../../io/builtins-host.js';
import { compareReports } from '../../review/compare.js';
import { reviewSide } from '../../review/side.js';
import { Session } from '../../session.js';
import { EXIT, UsageError, type CliContext } from '../context.js';
import { diffVersions } from '../diff-versions.js';
import { isEmpty } from '../format/diff/describe.js';
import { diffFormatters } from '../format/diff/index.js';

export interface DiffOptions {
  rev?: string[];
  format: string;
  /** Exit 1 when the versions differ, as `git diff --exit-code` does. */
  exitCode?: boolean;
}

/** `lawreport diff [A] [B]`: what changed in the figures, the printed text, the outline and the problems. */
export async function diffCommand(ctx: CliContext, args: string[], options: DiffOptions): Promise<number> {
  const formatter = diffFormatters[options.format];
  if (!formatter) {
    const names = Object.keys(diffFormatters);
    throw new UsageError(`未知的输出格式“${options.format}”，可用：${names.join('、')}。`, `Unknown format "${options.format}"; available: ${names.join(', ')}.`);
  }
  const { display, before, after } = await diffVersions(ctx, { args, revs: options.rev ?? [] });
  try {
    const session = new Session(builtinsHost());
    const old = await reviewSide(before.host, session, before.label, before.load);
    const now = await reviewSide(after.host, session, after.label, after.load);
    if (!old.exists && !now.exists) {
      const where = display || `${before.label}、${after.label}`;
      throw new UsageError(
        `“${where}”在 ${before.label} 和 ${after.label} 中都不是报告文件夹（找不到 lawreport.yaml）。请给出报告文件夹的路径。`,
        `"${where}" is no report folder at ${before.label} nor at ${after.label} (no lawreport.yaml). Give the path of a report folder.`,
      );
    }
    const changes = compareReports(old, now);
    ctx.stdout(formatter(changes, { lang: ctx.lang, color: ctx.color && options.format === 'human', base: display || '.', packageUrl: packageUrl() }));
    return options.exitCode && !isEmpty(changes) ? EXIT.errors : EXIT.ok;
  } finally {
    before.close();
    after.close();
  }
}

