/**
 * The text of a report folder's source files, written the way a clerk would write them by
 * hand: short YAML with Chinese comments, one Markdown file per chapter. Shared by
 * `lawreport init` (empty folder) and `lawreport import` (folder from last year's report).
 */
import type { Catalog, MetricDef, ProfileChapter, ProfileSection } from '../model.js';
import { chapterFileName } from '../load/chapter-file.js';
import { renderTitle } from '../profile/title.js';

/** A new folder (init, import) keeps its outputs out of git. */
export const GITIGNORE = { path: '.gitignore', text: 'dist/\n' } as const;

/** What every new chapter says until the clerk writes it; the placeholder rule looks for it. */
export const PLACEHOLDER = '待补充。';

export interface ConfigFields {
  profile: string;
  org: string;
  /** Undefined writes a commented line to fill in (check then reports the missing key): never a guess. */
  year?: number;
  /** ISO date; undefined writes a commented line to fill in (check then reports the missing key). */
  date?: string;
  /** What the date line's comment adds (init: that the date is a stand-in, and its deadline). */
  dateNote?: string;
  title?: string;
  /** Written only when it differs from [org]. */
  signature?: string[];
  attachments?: string[];
  /** A comment line at the top, e.g. where the folder came from. */
  origin?: string;
}

/** A YAML scalar: plain when safe, double-quoted otherwise. */
export function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plainSafe = value !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s#|:$|\s$|^(?:true|false|null|yes|no|~|\d[\d.-]*)$/i.test(value) && !/[\n\\]/.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

export function configYaml(f: ConfigFields): string {
  const lines: string[] = [];
  if (f.origin) lines.push(`# ${f.origin}`);
  lines.push(`profile: ${yamlScalar(f.profile)}          # 提纲`);
  lines.push(`org: ${yamlScalar(f.org)}          # 报告主体，也是默认的署名`);
  lines.push(f.year !== undefined ? `year: ${f.year}                 # 报告所述年度` : '# year: YYYY                 # 报告所述年度：待补充（必填），原文中没有找到');
  lines.push(f.date ? `date: ${f.date}           # 成文日期${f.dateNote ? `：${f.dateNote}` : ''}` : `# date: ${f.year !== undefined ? f.year + 1 : 'YYYY'}-MM-DD      # 成文日期：待补充（必填）`);
  if (f.title) lines.push(`title: ${yamlScalar(f.title)}`);
  if (f.signature && !(f.signature.length === 1 && f.signature[0] === f.org)) {
    lines.push('signature:                 # 发文机关署名，一行一个');
    for (const s of f.signature) lines.push(`  - ${yamlScalar(s)}`);
  }
  if (f.attachments?.length) {
    lines.push('attachments:               # 附件名称，列在正文后');
    for (const a of f.attachments) lines.push(`  - ${yamlScalar(a)}`);
  }
  lines.push('output:', '  dir: dist', '  formats: [docx, html, txt]');
  return lines.join('\n') + '\n';
}

/** "党委中心组学法（次）": how a metric is named in comments. */
export function metricComment(def: MetricDef): string {
  return def.unit ? `${def.label}（${def.unit}）` : def.label;
}

/** metrics.yaml of a new report: every catalog metric, commented out, with its name and unit. */
export function emptyMetricsYaml(catalog: Catalog): string {
  const lines = [
    `# 本报告的数据。去掉行首的“# ”并填上数字即可启用；章节中用 {{组.项}} 引用，`,
    `# 如 {{disputes.mediated}}，或用 {{fig disputes.mediated}} 连同单位输出。`,
  ];
  for (const group of catalog.groups) {
    lines.push('', `# ${group.key}:${pad(group.key.length + 1)}# ${group.label}`);
    for (const m of group.metrics) {
      const key = m.path.slice(group.key.length + 1);
      lines.push(`#   ${key}:${pad(key.length + 3)}# ${metricComment(m)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function pad(used: number, width = 26): string {
  return ' '.repeat(Math.max(1, width - used));
}

export interface ChapterFile {
  /** chapters/NN-id.md */
  path: string;
  text: string;
}

/** chapters/01-measures.md: front matter id, a comment, then the body. */
export function chapterFile(index: number, id: string, body: string, options: { comment?: string; title?: string; name?: string } = {}): ChapterFile {
  const front = ['---', `id: ${yamlScalar(id)}`];
  if (options.title) front.push(`title: ${yamlScalar(options.title)}`);
  front.push('---', '');
  const comment = options.comment ? [`<!-- ${commentSafe(options.comment)} -->`, ''] : [];
  return {
    path: chapterFileName(index, options.name ?? id),
    text: [...front, ...comment, body.trimEnd(), ''].join('\n'),
  };
}

/** An HTML comment may not contain "--"; Handlebars would read "{{" even inside one. */
export function commentSafe(text: string): string {
  return text.replace(/--+/g, '—').replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
}

/** The body of a chapter nobody has written yet: one placeholder per outline section, if any. */
export function placeholderBody(chapter: Pick<ProfileChapter, 'sections'>, year: number, note: (node: ProfileSection) => string | undefined): string {
  if (!chapter.sections?.length) return PLACEHOLDER;
  return chapter.sections
    .map((s) => {
      const text = note(s);
      return [`## ${renderTitle(s.title, { year })}`, ...(text ? [`<!-- ${commentSafe(text)} -->`] : []), PLACEHOLDER].join('\n\n');
    })
    .join('\n\n');
}
