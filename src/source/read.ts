import { loc, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { FileFailure, FileResult } from '../io/host.js';

export const sourceOutside = defineDiagnostic({
  id: 'source-outside',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  description: loc('源文件指向报告文件夹之外（符号链接、../ 或绝对路径）。', 'A source file leads out of the report folder (a symlink, ../ or an absolute path).'),
  why: loc('报告只能用自己文件夹里的材料，审阅者才看得到全部来源；CI 也不能借此读到仓库外的文件。', 'A report uses only material in its own folder, so reviewers see every source, and CI never reads files outside the repository through it.'),
  fix: loc('把文件复制到报告文件夹内，用相对路径引用。', 'Copy the file into the report folder and refer to it by relative path.'),
}, {
  outside: {
    message: (d: { path: string }) => loc(`“${d.path}”指向报告文件夹之外，已拒绝读取。`, `"${d.path}" leads out of the report folder; it was not read.`),
    hint: 'fix',
  },
});

export const sourceUnreadable = defineDiagnostic({
  id: 'source-unreadable',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  readError: true,
  description: loc('源文件读不出来（没有权限，或读取出错）。', 'A source file cannot be read (no permission, or an I/O error).'),
  why: loc('读不出的文件不能当作空文件悄悄略过。', 'A file that cannot be read must not be skipped as if it were empty.'),
  fix: loc('检查文件的权限（如 chmod a+r），或换一个完好的副本。', 'Check the file\'s permissions (e.g. chmod a+r), or use an intact copy.'),
}, {
  permission: { message: (d: { path: string }) => loc(`没有读取“${d.path}”的权限。`, `No permission to read "${d.path}".`), hint: 'fix' },
  failed: { message: (d: { path: string; reason: string }) => loc(`读取“${d.path}”失败（${d.reason}）。`, `Reading "${d.path}" failed (${d.reason}).`), hint: 'fix' },
});

/** A failed read as a diagnostic at `at` (where the file is named, or the file itself); none for a missing file, which each caller words itself. */
export function readFailure(path: string, result: FileFailure, at: Location): Diagnostic | undefined {
  switch (result.status) {
    case 'missing':
      return undefined;
    case 'denied':
      return result.reason === 'outside' ? sourceOutside.at(at, 'outside', { path }) : sourceUnreadable.at(at, 'permission', { path });
    case 'unreadable':
      return sourceUnreadable.at(at, 'failed', { path, reason: result.reason });
  }
}

/**
 * The text of an optional file: undefined when it is missing, or when it cannot be read (then
 * the reason goes to `diagnostics`, at `at`).
 */
export function textOf(result: FileResult<string>, path: string, at: Location, diagnostics: Diagnostic[]): string | undefined {
  if (result.status === 'ok') return result.value;
  const failure = readFailure(path, result, at);
  if (failure) diagnostics.push(failure);
  return undefined;
}
