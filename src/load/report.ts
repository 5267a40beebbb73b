import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { SourceHost } from '../io/host.js';
import { guardMarkdown, MARKDOWN_LIMITS } from '../markdown/guard.js';
import { leadingTitle } from '../markdown/leading-title.js';
import { parseMarkdown } from '../markdown/parse.js';
import {
  DEFAULT_FONTS,
  type Catalog,
  type ChapterSource,
  type Profile,
  type ReportConfig,
  type ReportSource,
  type RuleSetting,
  type TemplateSource,
} from '../model.js';
import { ProfileLoader, profileNotFound, unknownProfileMetrics } from '../profile/load.js';
import { matchChapter } from '../profile/match.js';
import { LineIndex } from '../source/line-index.js';
import { isMapping, notMapping } from '../source/mapping.js';
import { readFailure, sourceUnreadable, textOf } from '../source/read.js';
import { parseYaml, positionOf, YAML_LIMITS, type YamlDocument } from '../source/yaml.js';
import type { Session } from '../session.js';
import type { BuiltinSchemas } from '../validate/builtin-schemas.js';
import { metricsSchema } from '../validate/metrics-schema.js';
import { invalidTopKeys, SCHEMA_MESSAGES, validateYaml } from '../validate/schema.js';
import { BUILTIN_CATALOG_FILE, parseCatalog, precompiledCatalog } from './catalog.js';
import { CHAPTERS_DIR, chapterStem, isChapterFile } from './chapter-file.js';
import { stripControlCharacters } from './control-chars.js';
import { decodingHost, sourceEncoding } from './decoding-host.js';
import { unsafeNumbers } from './numbers.js';
import { checkReportDate } from './report-date.js';
import { outputDirProblem } from './output-dir.js';
import { splitFrontMatter } from './front-matter.js';
import { loadPrevious, type OpenPrevious } from './previous.js';

export { CHAPTERS_DIR } from './chapter-file.js';
export const CONFIG_FILE = 'lawreport.yaml';
export const METRICS_FILE = 'metrics.yaml';
export const TEMPLATES_DIR = 'templates';
export const REPORT_TEMPLATES = ['title', 'signature', 'date'] as const;

export interface LoadResult {
  /** Undefined when a fatal problem (unreadable or invalid lawreport.yaml, bad profile) stops the run. */
  source?: ReportSource;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Opens the folder lawreport.yaml `previous:` names, confined to it (see src/load/previous.ts). */
  openPrevious?: OpenPrevious;
  /**
   * Called once the chapters are read, before any is parsed, with their characters in all: what
   * the work ahead (parsing, checking, compiling, rendering) and its heap grow with.
   */
  onChaptersRead?: (chars: number) => void;
}

export const noConfig = defineDiagnostic({
  id: 'no-config',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  readError: true,
  description: loc('文件夹里没有 lawreport.yaml，不是报告文件夹。', 'The folder holds no lawreport.yaml: it is not a report folder.'),
  why: loc('lawreport.yaml 写明报告主体、年度和提纲，没有它无从校验。', 'lawreport.yaml names the body, year and outline; nothing can be checked without it.'),
  fix: loc('进入报告文件夹再运行，或给出报告文件夹的路径。', 'Run inside the report folder, or give its path.'),
}, {
  missing: {
    message: (d: { root: string }) => loc(`“${d.root}”不是报告文件夹：找不到 ${CONFIG_FILE}。`, `"${d.root}" is not a report folder: ${CONFIG_FILE} not found.`),
    hint: loc('进入报告文件夹再运行，或用 lawreport init 新建一个。', 'Run inside a report folder, or create one with lawreport init.'),
  },
});

export const configSchema = defineDiagnostic({
  id: 'config-schema',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('lawreport.yaml 不符合 schemas/lawreport.schema.json：缺项、类型不对或有未知的键。', 'lawreport.yaml does not match schemas/lawreport.schema.json: a missing key, a wrong type or an unknown key.'),
  why: loc('报告主体、年度和成文日期错了，标题、署名和日期都会错。', 'With a wrong body, year or date the title, signature and date are all wrong.'),
  fix: loc('按提示改正该键；未知的键通常是拼写错误，看“是不是……”的建议。', 'Correct the key as hinted; an unknown key is usually a typo: see the did-you-mean.'),
  example: { bad: 'org: 示例镇人民政府\nyear: 二〇二四\ndate: 2025-02-10\n', good: 'org: 示例镇人民政府\nyear: 2024\ndate: 2025-02-10\n' },
}, SCHEMA_MESSAGES);

export const catalogNotFound = defineDiagnostic({
  id: 'catalog-not-found',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('lawreport.yaml 的 catalog 指向的指标目录文件不存在。', 'The metric catalog file named in lawreport.yaml does not exist.'),
  why: loc('自定义的数据项要在目录里有名称和单位。', 'Custom figures need a name and unit in a catalog.'),
  fix: loc('改正 catalog 的路径（相对于报告文件夹），或删去这一项。', 'Correct the catalog path (relative to the report folder), or remove the key.'),
}, {
  missing: {
    message: (d: { path: string }) => loc(`找不到自定义指标目录“${d.path}”。`, `Custom metric catalog "${d.path}" not found.`),
    hint: loc('路径相对于报告文件夹。', 'The path is relative to the report folder.'),
  },
});

/**
 * Reads a report folder through `host`. The session reads the tool's own schemas/ and
 * templates/ (the package root) and keeps what a batch or a preview reuses. Every problem, a folder that is no report at all included,
 * comes back as a diagnostic, never as an exception: `source` is then undefined.
 */

export async function loadReport(rawHost: SourceHost, session: Session, options: LoadOptions = {}): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const host = decodingHost(rawHost, diagnostics);
  const result = await loadDecoded(host, session, options, diagnostics);
  // A file that could not be decoded was read as empty: report the cause, not what its emptiness caused.
  if (host.undecodable.size === 0) return result;
  return { diagnostics: result.diagnostics.filter((d) => d.ruleId === sourceEncoding.meta.id || !host.undecodable.has(d.file)) };
}

async function loadDecoded(host: SourceHost, session: Session, options: LoadOptions, diagnostics: Diagnostic[]): Promise<LoadResult> {
  const configRead = await host.readText(CONFIG_FILE, YAML_LIMITS.maxBytes);
  if (configRead.status !== 'ok') {
    const at = { file: CONFIG_FILE };
    diagnostics.push(readFailure(CONFIG_FILE, configRead, at) ?? noConfig.at(at, 'missing', { root: host.root }));
    return { diagnostics };
  }

  const parsed = parseYaml(configRead.value, CONFIG_FILE);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.doc) return { diagnostics };
  const configDoc = parsed.doc;
  if (!isMapping(configDoc.value)) {
    diagnostics.push(notMapping(CONFIG_FILE));
    return { diagnostics };
  }
  const schemas = await session.builtinSchemas();
  const schemaErrors = validateYaml(configDoc, schemas.config, configSchema, session.validators);
  diagnostics.push(...schemaErrors);
  // A wrong or missing key is one error among the others: drop it, go on with defaults and stand-ins.
  const invalid = schemaErrors.length > 0 ? invalidTopKeys(configDoc, schemas.config, session.validators) : [];
  const badDate = invalid.includes('date') ? undefined : checkReportDate(configDoc, configDoc.value.date);
  if (badDate) {
    diagnostics.push(badDate);
    invalid.push('date');
  }
  const config = normalizeConfig(Object.fromEntries(Object.entries(configDoc.value).filter(([key]) => !invalid.includes(key))));
  const outputDir = outputDirProblem(configDoc, config.output.dir);
  if (outputDir) diagnostics.push(outputDir);

  const loading: Loading = { host, session, schemas, config, configDoc, diagnostics };
  const profile = await loadProfile(loading);
  const catalog = await loadCatalog(loading);
  if (!profile || !catalog) return { diagnostics };
  diagnostics.push(...unknownProfileMetrics(profile.chapters, new Set(catalog.byPath.keys())));

  const metricsDoc = await loadMetrics(host, diagnostics);
  // Without readable figures every template reference would fail too: report the cause alone.
  if (diagnostics.some((d) => d.file === METRICS_FILE && d.severity === 'error')) return { diagnostics };
  const metrics = metricsDoc && isMapping(metricsDoc.value) ? metricsDoc.value : {};
  const chapters = await loadChapters(host, profile, diagnostics, options.onChaptersRead);
  const templates = await loadTemplates(host, session.builtins, diagnostics);
  const schema = metricsSchema(catalog, session.metricsSchemas);
  await session.validators.prepare(schema);
  const previous = await loadPrevious(host, config, configDoc, options.openPrevious);
  diagnostics.push(...previous.diagnostics);

  return {
    source: { host, config, configDoc, metrics, metricsDoc, metricsSchema: schema, chapters, profile, catalog, templates, previous: previous.previous },
    diagnostics,
  };
}

/** lawreport.yaml's values with their defaults; keys left out (missing or dropped as invalid) get stand-ins. */
function normalizeConfig(raw: Record<string, unknown>): ReportConfig {
  const unset = (['org', 'year', 'date'] as const).filter((key) => raw[key] === undefined);
  const [y, m, d] = raw.date === undefined ? [NaN, NaN, NaN] : (String(raw.date).split('-').map(Number) as [number, number, number]);
  const output = (raw.output ?? {}) as { dir?: string; name?: string; formats?: string[] };
  const org = raw.org === undefined ? '' : String(raw.org);
  const signature = raw.signature === undefined ? (org ? [org] : []) : ([] as string[]).concat(raw.signature as string);
  const rules: Record<string, RuleSetting> = {};
  // A rule's options (`[level, {…}]`) are the rule runner's to check against the rule's schema (check/run.ts).
  for (const [id, value] of Object.entries((raw.rules ?? {}) as Record<string, RuleSetting | unknown[]>)) {
    rules[id] = (Array.isArray(value) ? value[0] : value) as RuleSetting;
  }
  return {
    unset,
    profile: (raw.profile as string | undefined) ?? 'national',
    org,
    year: raw.year === undefined ? NaN : Number(raw.year),
    date: { year: y, month: m, day: d },
    title: raw.title as string | undefined,
    signature,
    output: { dir: output.dir ?? 'dist', name: output.name, formats: output.formats },
    catalog: raw.catalog as string | undefined,
    rules,
    fonts: { ...DEFAULT_FONTS, ...((raw.fonts ?? {}) as object) },
    attachments: (raw.attachments as string[] | undefined) ?? [],
    previous: raw.previous as string | undefined,
  };
}

/** What loading the profile and the catalog needs: both read from the report and the package, and report where lawreport.yaml names them. */
interface Loading {
  host: SourceHost;
  session: Session;
  schemas: BuiltinSchemas;
  config: ReportConfig;
  configDoc: YamlDocument;
  diagnostics: Diagnostic[];
}

async function loadProfile({ host, session, schemas, config, configDoc, diagnostics }: Loading): Promise<Profile | undefined> {
  const loader = new ProfileLoader({ host, builtins: session.builtins, metaSchema: schemas.profile, validators: session.validators, builtinDocs: session.profileDocs });
  const at = { file: CONFIG_FILE, ...positionOf(configDoc, '/profile', 'value') };
  const profile = await loader.load(config.profile, at);
  diagnostics.push(...loader.diagnostics);
  if (profile === null) {
    diagnostics.push(profileNotFound.at(at, 'notFound', { name: config.profile, builtin: [...loader.builtinNames] }));
    return undefined;
  }
  return profile;
}

async function loadCatalog({ host, session, schemas, config, configDoc, diagnostics }: Loading): Promise<Catalog | undefined> {
  const builtinText = await session.builtins.readText('schemas/metrics.catalog.yaml');
  if (builtinText.status !== 'ok') throw new Error('lawreport is incomplete: schemas/metrics.catalog.yaml cannot be read');
  // Parsed once per session: a batch parsed the same YAML for every report (a fifth of its YAML
  // time). A parse with diagnostics is not kept, as diagnostics travel on. Extending the catalog copies it.
  // As npm run build parsed it, when it is the text it parsed (no YAML read at every start).
  const parse = (text: string) => {
    const built = precompiledCatalog(text);
    return built ? { catalog: built, diagnostics: [] } : parseCatalog(text, BUILTIN_CATALOG_FILE, schemas.catalog, undefined, session.validators);
  };
  const base = session.memo(BUILTIN_CATALOG, builtinText.value, () => parse(builtinText.value), (parsed) => parsed.diagnostics.length === 0);
  diagnostics.push(...base.diagnostics);
  if (!base.catalog || !config.catalog) return base.catalog;
  const at = { file: CONFIG_FILE, ...positionOf(configDoc, '/catalog', 'value') };
  const read = await host.readText(config.catalog, YAML_LIMITS.maxBytes);
  if (read.status !== 'ok') {
    diagnostics.push(readFailure(config.catalog, read, at) ?? catalogNotFound.at(at, 'missing', { path: config.catalog }));
    return undefined;
  }
  const extended = parseCatalog(read.value, config.catalog, schemas.catalog, base.catalog, session.validators);
  diagnostics.push(...extended.diagnostics);
  return extended.catalog;
}

const BUILTIN_CATALOG = Symbol('the built-in catalog');

async function loadMetrics(host: SourceHost, diagnostics: Diagnostic[]): Promise<YamlDocument | undefined> {
  const text = textOf(await host.readText(METRICS_FILE, YAML_LIMITS.maxBytes), METRICS_FILE, { file: METRICS_FILE }, diagnostics);
  if (text === undefined) return undefined;
  const { doc, diagnostics: found } = parseYaml(text, METRICS_FILE);
  diagnostics.push(...found);
  if (doc) diagnostics.push(...unsafeNumbers(doc));
  if (doc && doc.value !== null && !isMapping(doc.value)) diagnostics.push(notMapping(METRICS_FILE));
  return doc;
}

/** Chapter files are chapters/*.md; the outline id comes from front matter `id:`, else the file name. */
async function loadChapters(host: SourceHost, profile: Profile, diagnostics: Diagnostic[], onChaptersRead: LoadOptions['onChaptersRead']): Promise<ChapterSource[]> {
  const listed = await host.listFiles(CHAPTERS_DIR);
  if (listed.status !== 'ok') {
    const failure = readFailure(CHAPTERS_DIR, listed, { file: CHAPTERS_DIR });
    if (failure) diagnostics.push(failure);
    return [];
  }
  // Every chapter read before any is parsed: the caller learns the size of the work ahead first.
  const reads = [];
  for (const name of listed.value.filter(isChapterFile)) {
    const file = `${CHAPTERS_DIR}/${name}`;
    reads.push({ name, file, read: await host.readText(file, MARKDOWN_LIMITS.maxBytes) });
  }
  onChaptersRead?.(reads.reduce((n, { read }) => n + (read.status === 'ok' ? read.value.length : 0), 0));
  const chapters: ChapterSource[] = [];
  for (const { name, file, read } of reads) {
    if (read.status !== 'ok') {
      // A chapter that is there but cannot be read (a symlink out of the folder, or to nothing) is an error at that file, never a blank chapter.
      const at = { file, line: 1, column: 1 };
      diagnostics.push(readFailure(file, read, at) ?? sourceUnreadable.at(at, 'dangling', { path: file }));
      continue;
    }
    const { text, diagnostics: control } = stripControlCharacters(read.value, file);
    diagnostics.push(...control);
    const { result, diagnostics: fm } = splitFrontMatter(text, file);
    diagnostics.push(...fm);
    const source = sourceTree(result.body, file);
    const title = typeof result.data.title === 'string' ? result.data.title : source.tree && leadingTitle(source.tree);
    let id: string | undefined;
    let idFrom: ChapterSource['idFrom'] = 'none';
    if (typeof result.data.id === 'string' && result.data.id.trim()) {
      id = result.data.id.trim();
      idFrom = 'front-matter';
    } else {
      const stem = chapterStem(name);
      const byTitle = matchChapter(profile, stem) ?? (title ? matchChapter(profile, title) : undefined);
      if (stem === 'preface' || stem === '引言' || stem === '前言') id = 'preface';
      else if (profile.chapters.some((c) => c.id === stem)) id = stem;
      else if (byTitle) id = byTitle.id;
      idFrom = id ? 'file-name' : 'none';
    }
    chapters.push({ file, id, idFrom, title, text, lines: new LineIndex(text), body: result.body, ...source });
  }
  return chapters;
}

/**
 * The chapter's unfilled Markdown parsed once, for the loader (its title) and every rule that
 * reads it. The same guard as compiling: a chapter it refuses gets no tree (compiling says why),
 * and one it defuses (a delimiter flood) is marked, so the prose rules leave it alone.
 */
function sourceTree(body: string, file: string): Pick<ChapterSource, 'tree' | 'defused'> {
  const guarded = guardMarkdown(body, file);
  if (guarded.text === undefined) return { defused: true };
  return { tree: parseMarkdown(guarded.text), defused: guarded.diagnostics.length > 0 };
}

async function loadTemplates(host: SourceHost, builtins: SourceHost, diagnostics: Diagnostic[]): Promise<Record<string, TemplateSource>> {
  const templates: Record<string, TemplateSource> = {};
  for (const name of REPORT_TEMPLATES) {
    const own = `${TEMPLATES_DIR}/${name}.hbs`;
    const text = textOf(await host.readText(own, MARKDOWN_LIMITS.maxBytes), own, { file: own }, diagnostics);
    if (text === undefined) {
      const builtin = await builtins.readText(own);
      templates[name] = { file: `<lawreport>/${own}`, text: builtin.status === 'ok' ? builtin.value : '' };
      continue;
    }
    const cleaned = stripControlCharacters(text, own);
    diagnostics.push(...cleaned.diagnostics);
    templates[name] = { file: own, text: cleaned.text };
  }
  return templates;
}
