import path from 'node:path';

/** A report-relative path as the user would open it from where they ran the command. */
export function joinPath(base: string, file: string): string {
  if (file.startsWith('<')) return file; // built-in files such as <lawreport>/templates/title.hbs
  return base === '' || base === '.' ? file : path.posix.join(base.replace(/\\/g, '/'), file);
}

/**
 * The one way lawreport shows a path it names (written outputs, created files, report folders):
 * relative to where the command ran, with "/" between the parts, as the diagnostics' file paths
 * are on every system (Windows' own programs accept "/" too). `p`: path.win32 in tests.
 */
export function shownPath(cwd: string, target: string, p: path.PlatformPath = path): string {
  return (p.relative(cwd, target) || '.').split(p.sep).join('/');
}
