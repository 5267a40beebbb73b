import { renderTitle } from '../profile/title.js';
import { CONFIG_FILE, METRICS_FILE } from '../load/report.js';
import type { Catalog, Profile } from '../model.js';
import { chapterFileName } from '../load/chapter-file.js';
import { chapterFile, configYaml, emptyMetricsYaml, GITIGNORE, placeholderBody, PLACEHOLDER } from './report-files.js';

export interface ScaffoldOptions {
  /** The profile name written to lawreport.yaml (a built-in name or a path). */
  profileName: string;
  org: string;
  year: number;
  /** ISO 成文日期. */
  date: string;
  /** The date is init's stand-in (no --date): lawreport.yaml says so. */
  dateDefaulted?: boolean;
  /** The repository files by path (REPOSITORY_TEMPLATES' texts). */
  repository: Record<string, string>;
  /** lawreport's version, for package.json. */
  version: string;
}

/**
 * init's 成文日期 when none is given: 28 February of the year after the report year, inside the
 * first quarter the report is written in and before the 1 March report to the level above, so a
 * fresh folder never trips date-deadline. lawreport.yaml says it is a stand-in.
 */
export function defaultDate(year: number): string {
  return `${year + 1}-02-28`;
}

/** The chapter files of a new folder that may simply be deleted: the preface and the outline's optional chapters. */
export function optionalChapterFiles(profile: Profile): string[] {
  return [chapterFileName(0, 'preface'), ...profile.chapters.flatMap((c, i) => (c.required ? [] : [chapterFileName(i + 1, c.id)]))];
}

export const CI_WORKFLOW_FILE = '.github/workflows/lawreport.yml';

/**
 * What a report repository gets besides the report, from lawreport's own templates/ci/ (one
 * source: the README shows the same files): the CI workflow, .gitattributes for git's textconv.
 */
export const REPOSITORY_TEMPLATES = { [CI_WORKFLOW_FILE]: 'templates/ci/lawreport.yml', '.gitattributes': 'templates/ci/gitattributes' } as const;

/** The line that makes git diff read .docx and chapters through lawreport (the driver .gitattributes names). */
export const TEXTCONV_CONFIG = 'git config diff.lawreport.textconv "npx --no-install lawreport textconv"';

/** package.json of a report repository: lawreport as a development dependency, installed by `npm ci` in CI. */
export function packageJson(org: string, year: number, version: string): string {
  const manifest = {
    private: true,
    description: `${org}${year}年法治政府建设年度报告`,
    scripts: { check: 'lawreport check', build: 'lawreport build' },
    devDependencies: { lawreport: `^${version}` },
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

const PREFACE_GUIDANCE = '开头的引言（可选，不编号）：一两句话说明报告依据和总体情况；不需要可以删除本文件。';

/**
 * A complete new report folder as file path → text: lawreport.yaml, metrics.yaml listing
 * the catalog, one chapter per outline chapter with what belongs there, .gitignore,
 * .gitattributes, package.json and the CI workflow.
 */
export function scaffoldReport(profile: Profile, catalog: Catalog, options: ScaffoldOptions): Record<string, string> {
  const files: Record<string, string> = {
    [CONFIG_FILE]: configYaml({
      origin: `${options.org} ${options.year} 年度法治政府建设年度报告（lawreport init 生成）`,
      profile: options.profileName,
      org: options.org,
      year: options.year,
      date: options.date,
      dateNote: options.dateDefaulted
        ? `先填了 ${options.year + 1} 年 2 月 28 日（次年第一季度、3 月 1 日报送上级之前），签发时改为实际日期；须在 ${options.year + 1} 年 4 月 1 日公开之前`
        : undefined,
    }),
    [METRICS_FILE]: emptyMetricsYaml(catalog),
    // node_modules/: package.json installs lawreport beside the report.
    [GITIGNORE.path]: `${GITIGNORE.text}node_modules/
`,
    'package.json': packageJson(options.org, options.year, options.version),
    ...options.repository,
  };
  const preface = chapterFile(0, 'preface', PLACEHOLDER, { comment: PREFACE_GUIDANCE });
  files[preface.path] = preface.text;
  // The outline may require figures in a chapter or section: say which, by name and path.
  const citeNote = (node: { metrics?: string[] }) =>
    node.metrics?.length ? `须引用的数据：${node.metrics.map((p) => `${catalog.byPath.get(p)?.label ?? p}（${p}）`).join('、')}。` : undefined;
  profile.chapters.forEach((chapter, i) => {
    const title = renderTitle(chapter.title, options);
    const guidance = [chapter.guidance ?? `写“${title}”的内容。`, citeNote(chapter)].filter(Boolean).join('');
    const optional = chapter.required ? '' : '（可选，不需要时删除本文件）';
    const file = chapterFile(i + 1, chapter.id, placeholderBody(chapter, options.year, citeNote), { comment: `${title}${optional}：${guidance}` });
    files[file.path] = file.text;
  });
  return files;
}
