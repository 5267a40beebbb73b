import { diag, FatalError, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceHost } from '../io/host.js';
import {
  ALL_FORMATS,
  DEFAULT_FONTS,
  type Catalog,
  type ChapterSource,
  type Format,
  type Profile,
  type ReportConfig,
  type ReportSource,
  type RuleSetting,
  type TemplateSource,
} from '../model.js';
import { BUILTIN_PROFILES, ProfileLoader } from '../profile/load.js';
import { matchChapter } from '../profile/match.js';
import { builtinSchemas, type BuiltinSchemas } from '../validate/builtin-schemas.js';
import { invalidTopKeys, validateYaml } from '../validate/schema.js';
import { parseCatalog } from './catalog.js';
import { isMapping, notMapping } from './mapping.js';
import { splitFrontMatter } from './front-matter.js';
import { stripControlCharacters } from './control-chars.js';
import { decodingHost } from './decoding-host.js';
import { loadPrevious, type OpenPrevious } from './previous.js';
import { parseYaml, positionOf, type YamlDocument } from './yaml.js';

export const CONFIG_FILE = 'lawreport.yaml';
export const METRICS_FILE = 'metrics.yaml';
export const CHAPTERS_DIR = 'chapters';
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
}

/**
 * Reads a report folder through `host`. `builtins` reads the tool's own schemas/ and
 * templates/ (the package root). Problems come back as diagnostics, never as exceptions,
 * except a folder that is not a report at all (FatalError).
 */

export async function loadReport(rawHost: SourceHost, builtins: SourceHost, options: LoadOptions = {}): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const host = decodingHost(rawHost, diagnostics);
  const result = await loadDecoded(host, builtins, options, diagnostics);
  // A file that could not be decoded was read as empty: report the cause, not what its emptiness caused.
  if (host.undecodable.size === 0) return result;
  return { diagnostics: result.diagnostics.filter((d) => d.ruleId === 'source-encoding' || !host.undecodable.has(d.file)) };
}

async function loadDecoded(host: SourceHost, builtins: SourceHost, options: LoadOptions, diagnostics: Diagnostic[]): Promise<LoadResult> {
  const configText = await host.readText(CONFIG_FILE);
  if (configText === undefined) {
    throw new FatalError([
      diag('no-config', 'error', { file: CONFIG_FILE }, loc(
        `“${host.root}”不是报告文件夹：找不到 ${CONFIG_FILE}。`,
        `"${host.root}" is not a report folder: ${CONFIG_FILE} not found.`,
      ), { hint: loc('进入报告文件夹再运行，或用 lawreport init 新建一个。', 'Run inside a report folder, or create one with lawreport init.') }),
    ]);
  }

  const parsed = parseYaml(configText, CONFIG_FILE);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.doc) return { diagnostics };
  const configDoc = parsed.doc;
  if (!isMapping(configDoc.value)) {
    diagnostics.push(notMapping(CONFIG_FILE));
    return { diagnostics };
  }
  const schemas = await builtinSchemas(builtins);
  const schemaErrors = validateYaml(configDoc, schemas.config, 'config-schema');
  diagnostics.push(...schemaErrors);
  // A wrong or missing key is one error among the others: drop it, go on with defaults and stand-ins.
  const invalid = schemaErrors.length > 0 ? invalidTopKeys(configDoc, schemas.config) : [];
  const config = normalizeConfig(Object.fromEntries(Object.entries(configDoc.value).filter(([key]) => !invalid.includes(key))));

  const loading: Loading = { host, builtins, schemas, config, configDoc, diagnostics };
  const profile = await loadProfile(loading);
  const catalog = await loadCatalog(loading);
  if (!profile || !catalog) return { diagnostics };

  const metricsDoc = await loadMetrics(host, diagnostics);
  // Without readable figures every template reference would fail too: report the cause alone.
  if (diagnostics.some((d) => d.file === METRICS_FILE && d.severity === 'error')) return { diagnostics };
  const metrics = metricsDoc && isMapping(metricsDoc.value) ? metricsDoc.value : {};
  const chapters = await loadChapters(host, profile, diagnostics);
  const templates = await loadTemplates(host, builtins, diagnostics);
  const previous = await loadPrevious(host, config, configDoc, options.openPrevious);
  diagnostics.push(...previous.diagnostics);

  return {
    source: { host, config, configDoc, metrics, metricsDoc, chapters, profile, catalog, templates, previous: previous.previous },
    diagnostics,
  };
}

/** lawreport.yaml's values with their defaults; keys left out (missing or dropped as invalid) get stand-ins. */
function normalizeConfig(raw: Record<string, unknown>): ReportConfig {
  const unset = (['org', 'year', 'date'] as const).filter((key) => raw[key] === undefined);
  const [y, m, d] = raw.date === undefined ? [NaN, NaN, NaN] : (String(raw.date).split('-').map(Number) as [number, number, number]);
  const output = (raw.output ?? {}) as { dir?: string; name?: string; formats?: Format[] };
  const org = raw.org === undefined ? '' : String(raw.org);
  const signature = raw.signature === undefined ? (org ? [org] : []) : ([] as string[]).concat(raw.signature as string);
  const rules: Record<string, RuleSetting> = {};
  const ruleOptions: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries((raw.rules ?? {}) as Record<string, RuleSetting | unknown[]>)) {
    rules[id] = (Array.isArray(value) ? value[0] : value) as RuleSetting;
    const options: unknown = Array.isArray(value) ? value[1] : undefined;
    if (options && typeof options === 'object' && !Array.isArray(options)) ruleOptions[id] = options as Record<string, unknown>;
  }
  return {
    unset,
    profile: (raw.profile as string | undefined) ?? 'national',
    org,
    year: raw.year === undefined ? NaN : Number(raw.year),
    date: { year: y, month: m, day: d },
    title: raw.title as string | undefined,
    signature,
    output: { dir: output.dir ?? 'dist', name: output.name, formats: output.formats ?? [...ALL_FORMATS] },
    catalog: raw.catalog as string | undefined,
    rules,
    ruleOptions,
    fonts: { ...DEFAULT_FONTS, ...((raw.fonts ?? {}) as object) },
    attachments: (raw.attachments as string[] | undefined) ?? [],
    previous: raw.previous as string | undefined,
  };
}

/** What loading the profile and the catalog needs: both read from the report and the package, and report where lawreport.yaml names them. */
interface Loading {
  host: SourceHost;
  builtins: SourceHost;
  schemas: BuiltinSchemas;
  config: ReportConfig;
  configDoc: YamlDocument;
  diagnostics: Diagnostic[];
}

async function loadProfile({ host, builtins, schemas, config, configDoc, diagnostics }: Loading): Promise<Profile | undefined> {
  const loader = new ProfileLoader({ host, builtins, metaSchema: schemas.profile });
  const profile = await loader.load(config.profile);
  diagnostics.push(...loader.diagnostics);
  if (profile === null) {
    diagnostics.push(
      diag('profile-not-found', 'error', { file: CONFIG_FILE, ...positionOf(configDoc, '/profile', 'value') }, loc(
        `找不到提纲“${config.profile}”。`,
        `Profile "${config.profile}" not found.`,
      ), { hint: loc(`内置提纲：${BUILTIN_PROFILES.join('、')}；或写报告文件夹内提纲文件的相对路径。`, `Built-in profiles: ${BUILTIN_PROFILES.join(', ')}; or give the path of a profile file inside the report folder.`) }),
    );
    return undefined;
  }
  return profile;
}

async function loadCatalog({ host, builtins, schemas, config, configDoc, diagnostics }: Loading): Promise<Catalog | undefined> {
  const base = builtinCatalog((await builtins.readText('schemas/metrics.catalog.yaml'))!, schemas.catalog);
  diagnostics.push(...base.diagnostics);
  if (!base.catalog || !config.catalog) return base.catalog;
  const text = await host.readText(config.catalog);
  if (text === undefined) {
    diagnostics.push(
      diag('catalog-not-found', 'error', { file: CONFIG_FILE, ...positionOf(configDoc, '/catalog', 'value') }, loc(
        `找不到自定义指标目录“${config.catalog}”。`, `Custom metric catalog "${config.catalog}" not found.`), {
        hint: loc('路径相对于报告文件夹。', 'The path is relative to the report folder.'),
      }),
    );
    return undefined;
  }
  const extended = parseCatalog(text, config.catalog, schemas.catalog, base.catalog);
  diagnostics.push(...extended.diagnostics);
  return extended.catalog;
}

/** The built-in catalog as last parsed, and the text it was parsed from. */
let builtin: { text: string; parsed: ReturnType<typeof parseCatalog> } | undefined;

/**
 * Parses the built-in catalog once per process: a batch parsed the same YAML for every report (a
 * fifth of its YAML time). Keyed by the text, so another package root (tests) parses anew; a parse
 * with diagnostics is not kept, as diagnostics travel on. Extending the catalog copies it.
 */
function builtinCatalog(text: string, metaSchema: object): ReturnType<typeof parseCatalog> {
  if (builtin?.text === text) return builtin.parsed;
  const parsed = parseCatalog(text, '<lawreport>/schemas/metrics.catalog.yaml', metaSchema);
  if (parsed.diagnostics.length === 0) builtin = { text, parsed };
  return parsed;
}

async function loadMetrics(host: SourceHost, diagnostics: Diagnostic[]): Promise<YamlDocument | undefined> {
  const text = await host.readText(METRICS_FILE);
  if (text === undefined) return undefined;
  const { doc, diagnostics: found } = parseYaml(text, METRICS_FILE);
  diagnostics.push(...found);
  if (doc && doc.value !== null && !isMapping(doc.value)) diagnostics.push(notMapping(METRICS_FILE));
  return doc;
}

/** Chapter files are chapters/*.md; the outline id comes from front matter `id:`, else the file name. */
async function loadChapters(host: SourceHost, profile: Profile, diagnostics: Diagnostic[]): Promise<ChapterSource[]> {
  const names = (await host.listFiles(CHAPTERS_DIR)) ?? [];
  const chapters: ChapterSource[] = [];
  for (const name of names.filter((n) => /\.(md|markdown)$/i.test(n))) {
    const file = `${CHAPTERS_DIR}/${name}`;
    const raw = (await host.readText(file)) ?? '';
    const { text, diagnostics: control } = stripControlCharacters(raw, file);
    diagnostics.push(...control);
    const { result, diagnostics: fm } = splitFrontMatter(text, file);
    diagnostics.push(...fm);
    const title = typeof result.data.title === 'string' ? result.data.title : leadingTitle(result.body);
    let id: string | undefined;
    let idFrom: ChapterSource['idFrom'] = 'none';
    if (typeof result.data.id === 'string' && result.data.id.trim()) {
      id = result.data.id.trim();
      idFrom = 'front-matter';
    } else {
      const stem = name.replace(/\.(md|markdown)$/i, '').replace(/^\d+[-_. ]*/, '');
      const byTitle = matchChapter(profile, stem) ?? (title ? matchChapter(profile, title) : undefined);
      if (stem === 'preface' || stem === '引言' || stem === '前言') id = 'preface';
      else if (profile.chapters.some((c) => c.id === stem)) id = stem;
      else if (byTitle) id = byTitle.id;
      idFrom = id ? 'file-name' : 'none';
    }
    chapters.push({ file, id, idFrom, title, text, body: result.body });
  }
  return chapters;
}

/** A chapter may open with "# 标题" to override the outline's title. */
function leadingTitle(body: string): string | undefined {
  const m = /^\s*#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  if (!m || body.slice(0, m.index).trim() !== '') return undefined;
  return m[1];
}

async function loadTemplates(host: SourceHost, builtins: SourceHost, diagnostics: Diagnostic[]): Promise<Record<string, TemplateSource>> {
  const templates: Record<string, TemplateSource> = {};
  for (const name of REPORT_TEMPLATES) {
    const own = `${TEMPLATES_DIR}/${name}.hbs`;
    const text = await host.readText(own);
    if (text === undefined) {
      templates[name] = { file: `<lawreport>/${own}`, text: (await builtins.readText(own)) ?? '' };
      continue;
    }
    const cleaned = stripControlCharacters(text, own);
    diagnostics.push(...cleaned.diagnostics);
    templates[name] = { file: own, text: cleaned.text };
  }
  return templates;
}
