import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { positionOf, type YamlDocument } from '../source/yaml.js';
import { CHAPTERS_DIR } from './chapter-file.js';

export const outputOutside = defineDiagnostic({
  id: 'output-outside',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc(
    'lawreport.yaml 的 output.dir 不在报告文件夹内（绝对路径、../、以 ~ 开头），或就是报告文件夹本身、chapters/、templates/。',
    'output.dir in lawreport.yaml is not inside the report folder (an absolute path, ../, a path starting with ~), or is the report folder itself, chapters/ or templates/.',
  ),
  why: loc(
    '源文件是别人提交的：output.dir 若能指向 /var/www/html 或 ../../，一次 build 就会覆盖报告文件夹以外的文件。',
    'Sources come from other people: if output.dir could name /var/www/html or ../../, one build would overwrite files outside the report folder.',
  ),
  fix: loc('output.dir 写报告文件夹里的相对路径（默认 dist）；要写到别处，运行时用 -o 明确指定。', 'Give output.dir as a relative path inside the report folder (default dist); to write elsewhere, name the folder with -o when you run build.'),
  example: { bad: 'output:\n  dir: /var/www/html\n', good: 'output:\n  dir: dist\n' },
}, {
  outside: {
    message: (d: { dir: string }) => loc(`output.dir“${d.dir}”不在报告文件夹内。`, `output.dir "${d.dir}" is not inside the report folder.`),
    hint: 'fix',
  },
  home: {
    message: (d: { dir: string }) =>
      loc(
        `output.dir“${d.dir}”以 ~ 开头：lawreport 不会把 ~ 换成主目录（那是 shell 的写法），这样会在报告文件夹里建一个名叫“~”的文件夹。`,
        `output.dir "${d.dir}" starts with ~: lawreport does not expand ~ to the home folder (the shell does), so this would make a folder named "~" inside the report folder.`,
      ),
    hint: loc('output.dir 写报告文件夹里的相对路径（如 dist）；要写到主目录下，运行时用 -o ~/文件夹 指定，由 shell 展开。', 'Give output.dir as a relative path inside the report folder (such as dist); to write under your home folder, pass -o ~/folder when you run build, and the shell expands it.'),
  },
  sources: {
    message: (d: { dir: string }) => loc(`output.dir“${d.dir}”是报告文件夹本身或源文件的文件夹，输出会和源文件混在一起。`, `output.dir "${d.dir}" is the report folder itself or a folder of sources; outputs would mix with the sources.`),
    hint: 'fix',
  },
});

/** The folders of sources an output folder may not be or lie in (relative to the report folder; '' is the folder itself). */
export const SOURCE_DIRS = ['', CHAPTERS_DIR, 'templates'];

/**
 * output.dir as written: a relative path that stays inside the report folder and out of its
 * sources. Links are the edge's to follow (the folder may not exist yet); this is the check that
 * needs no file system, at the key's place.
 */
export function outputDirProblem(configDoc: YamlDocument, dir: string): Diagnostic | undefined {
  const at = () => ({ file: configDoc.file, ...positionOf(configDoc, '/output/dir', 'value') });
  const parts: string[] = [];
  const absolute = /^([a-zA-Z]:|[\\/])/.test(dir) || dir.includes('\0');
  for (const part of dir.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return outputOutside.at(at(), 'outside', { dir });
      parts.pop();
    } else parts.push(part);
  }
  if (absolute) return outputOutside.at(at(), 'outside', { dir });
  // `~/x` means the home folder to whoever wrote it; taken literally it is a folder named ~.
  if (dir.startsWith('~')) return outputOutside.at(at(), 'home', { dir });
  const inSources = SOURCE_DIRS.some((src) => (src === '' ? parts.length === 0 : parts[0]?.toLowerCase() === src));
  return inSources ? outputOutside.at(at(), 'sources', { dir }) : undefined;
}
