import { statSync } from 'node:fs';
import path from 'node:path';
import { builtinsHost } from '../io/builtins-host.js';
import { nodeHost } from '../io/node-host.js';
import { Session } from '../session.js';
import { UsageError } from './context.js';
import { shownPath } from './format/paths.js';

/**
 * Resolves the report folder a command was given (default: the current folder). `session`: the
 * run's, or the batch worker's that takes report after report; a new one for the package otherwise.
 */
export async function openReport(cwd: string, dir: string | undefined, session = new Session(builtinsHost())) {
  const display = dir ?? '.';
  const abs = path.resolve(cwd, display);
  const info = statOrNothing(abs);
  if (!info) {
    throw new UsageError(`找不到文件夹“${display}”。请检查路径，或先用 lawreport init 新建报告。`, `Folder "${display}" not found. Check the path, or create a report with lawreport init.`);
  }
  if (!info.isDirectory()) {
    throw new UsageError(`“${display}”不是文件夹。请给出报告文件夹（含 lawreport.yaml）的路径。`, `"${display}" is not a folder. Give the path of a report folder (holding lawreport.yaml).`);
  }
  // Last year's folder gets its own confined host: chapters and images stay confined to this one.
  const openPrevious = (previous: string) => nodeHost(path.resolve(abs, previous));
  return { host: nodeHost(abs), session, abs, display: shownPath(cwd, abs), load: { openPrevious } };
}

/** Any failure (missing, not permitted, a loop) means no folder to open here. */
function statOrNothing(abs: string) {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}
