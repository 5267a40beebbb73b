import { loc, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { errnoWords } from '../io/errno.js';
import type { FileFailure, FileResult } from '../io/host.js';

export const sourceOutside = defineDiagnostic({
  id: 'source-outside',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  readError: true,
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
  dangling: {
    message: (d: { path: string }) => loc(`“${d.path}”是一个符号链接，它指向的文件不存在。`, `"${d.path}" is a symbolic link to a file that does not exist.`),
    hint: loc('把链接换成真正的文件，或删去它。', 'Replace the link with the real file, or remove it.'),
  },
  failed: {
    message: (d: { path: string; reason: string }) => {
      const words = errnoWords(d.reason);
      return loc(`读取“${d.path}”失败：${words.zh}。`, `Reading "${d.path}" failed: ${words.en}.`);
    },
    hint: (d: { path: string; reason: string }) =>
      d.reason === 'ELOOP' ? loc('把这个符号链接换成真正的文件，或让它指向一个存在的文件。', 'Replace the symbolic link with the real file, or point it at a file that exists.') : loc('检查文件的权限，或换一个完好的副本。', "Check the file's permissions, or use an intact copy."),
  },
});

export const sourceNotAFile = defineDiagnostic({
  id: 'source-not-a-file',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  readError: true,
  description: loc('该是文件的地方是文件夹、命名管道（FIFO）、套接字或设备。', 'Where a file belongs there is a folder, a named pipe (FIFO), a socket or a device.'),
  why: loc('文件夹不能当作“没有这个文件”悄悄略过；读取命名管道会一直等下去，卡住 CI。', 'A folder must not pass for a missing file; reading a named pipe waits for ever and hangs CI.'),
  fix: loc('换成普通文件（删去同名的文件夹或管道，再放入文件）。', 'Put a regular file there (remove the folder or pipe of that name first).'),
}, {
  folder: { message: (d: { path: string }) => loc(`“${d.path}”是一个文件夹，不是文件。`, `"${d.path}" is a folder, not a file.`), hint: 'fix' },
  special: {
    message: (d: { path: string }) => loc(`“${d.path}”不是普通文件（是命名管道、套接字或设备），已拒绝读取。`, `"${d.path}" is not a regular file (a named pipe, socket or device); it was not read.`),
    hint: 'fix',
  },
});

/** Bytes as a reader says them, in decimal units as file managers show them: "600 MB", "1.5 MB", "64 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1e9) return `${Number((bytes / 1e9).toFixed(1))} GB`;
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1))} MB`;
  return `${Math.ceil(bytes / 1e3)} KB`;
}

export const sourceTooLarge = defineDiagnostic({
  id: 'source-too-large',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  readError: true,
  description: loc('源文件超过该类文件的大小上限，没有读取。', 'A source file is over the size limit for its kind; it was not read.'),
  why: loc('先看大小再读取：失控的文件（误放的数据、日志）不能先占满内存、再被拒绝。', 'Size comes before reading: a runaway file (misplaced data, a log) must not fill memory before it is refused.'),
  fix: loc('检查是不是放错了文件；图片可以压缩或缩小后再用。', 'Check that it is the right file; an image can be compressed or scaled down.'),
}, {
  tooLarge: {
    message: (d: { path: string; size: number; limit: number }) =>
      loc(`“${d.path}”有 ${sizeText(d.size)}，超过上限 ${sizeText(d.limit)}，没有读取。`, `"${d.path}" is ${sizeText(d.size)}, over the limit of ${sizeText(d.limit)}; it was not read.`),
    hint: 'fix',
  },
});

/** Whether a diagnostic says a source file was not read (outside, unreadable, not a file, too large). */
export const isUnreadSource = (d: Diagnostic): boolean => [sourceOutside, sourceUnreadable, sourceNotAFile, sourceTooLarge].some((def) => def.meta.id === d.ruleId);

/** A failed read as a diagnostic at `at` (where the file is named, or the file itself); none for a missing file, which each caller words itself. */
export function readFailure(path: string, result: FileFailure, at: Location): Diagnostic | undefined {
  switch (result.status) {
    case 'missing':
      return undefined;
    case 'denied':
      return result.reason === 'outside' ? sourceOutside.at(at, 'outside', { path }) : sourceUnreadable.at(at, 'permission', { path });
    case 'not-a-file':
      return sourceNotAFile.at(at, result.kind, { path });
    case 'too-large':
      return sourceTooLarge.at(at, 'tooLarge', { path, size: result.size, limit: result.limit });
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
