import path from 'node:path';

/** A report-relative path as the user would open it from where they ran the command. */
export function joinPath(base: string, file: string): string {
  if (file.startsWith('<')) return file; // built-in files such as <lawreport>/templates/title.hbs
  return base === '' || base === '.' ? file : path.posix.join(base.replace(/\\/g, '/'), file);
}
