import { EXIT, t, UsageError, type CliContext } from '../context.js';
import { openReport } from '../report-dir.js';

export interface PreviewCommandOptions {
  port?: string;
}

/** The port tried when none is given; taken → any free one. */
const DEFAULT_PORT = 4321;

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`端口“${value}”无效：请给出 0 到 65535 之间的整数（0 表示任选一个空闲端口）。`, `Invalid port "${value}": give an integer from 0 to 65535 (0 picks a free one).`);
  }
  return port;
}

/**
 * `lawreport preview [dir]`: serves the report on 127.0.0.1, rebuilds on every save and
 * reloads the page, with the current diagnostics on top. Runs until Ctrl+C (SIGINT) or
 * SIGTERM, then stops cleanly. Writes nothing into the report folder.
 */
export async function previewCommand(ctx: CliContext, dir: string | undefined, options: PreviewCommandOptions): Promise<number> {
  const chosen = options.port === undefined ? undefined : parsePort(options.port);
  const report = await openReport(ctx.cwd, dir);
  const { startPreview } = await import('../../preview/preview.js');
  const start = (port: number) =>
    startPreview({
      dir: report.abs,
      host: report.host,
      load: report.load,
      session: report.session,
      port,
      lang: ctx.lang,
      onRebuild: (rebuild, files) => {
        if (!files) return;
        const n = rebuild.diagnostics.filter((d) => d.severity === 'error').length;
        const what = rebuild.compiled.length ? rebuild.compiled.join(t(ctx, '、', ', ')) : t(ctx, '无章节需重新解析', 'no chapter re-parsed');
        ctx.stdout(t(ctx, `已重新生成（${rebuild.ms.toFixed(1)} 毫秒；${what}）${n ? `：${n} 个错误` : ''}\n`, `rebuilt (${rebuild.ms.toFixed(1)} ms; ${what})${n ? `: ${n} error(s)` : ''}\n`));
      },
      onError: (error) => ctx.stderr(t(ctx, `预览出错：${(error as Error).message ?? error}\n`, `preview error: ${(error as Error).message ?? error}\n`)),
    });
  let preview;
  try {
    preview = await start(chosen ?? DEFAULT_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (chosen !== undefined) throw new UsageError(`端口 ${chosen} 已被占用，请换一个（--port 0 任选空闲端口）。`, `Port ${chosen} is in use; choose another (--port 0 picks a free one).`);
    preview = await start(0);
  }
  ctx.stdout(t(ctx, `预览地址：${preview.url}\n保存源文件即自动刷新；按 Ctrl+C 停止。\n`, `Preview at ${preview.url}\nSaving a source file refreshes the page; press Ctrl+C to stop.\n`));
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await preview.close();
  ctx.stdout(t(ctx, '预览已停止。\n', 'Preview stopped.\n'));
  return EXIT.ok;
}
