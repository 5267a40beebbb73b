import path from 'node:path';
import { loc, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { nearest } from '../diagnostics/suggest.js';
import { precompiledBuiltins } from '../io/builtins-host.js';
import { valueOf, type SourceHost } from '../io/host.js';
import { readFailure } from '../source/read.js';
import { isMapping, notMapping } from '../source/mapping.js';
import { parseYaml, pointerEscape, positionOf, YAML_LIMITS, type YamlDocument } from '../source/yaml.js';
import type { Profile, ProfileSection } from '../model.js';
import { SCHEMA_MESSAGES, validateYaml, type Validators } from '../validate/schema.js';

const BUILTIN_DIR = 'schemas/profiles';
const BUILTIN_PREFIX = `<lawreport>/${BUILTIN_DIR}/`;

/** The built-in profiles: every schemas/profiles/*.yaml of the package, by file name. Adding one is adding a file. */
export async function builtinProfileNames(builtins: SourceHost): Promise<string[]> {
  return (valueOf(await builtins.listFiles(BUILTIN_DIR)) ?? []).filter((n) => n.endsWith('.yaml')).map((n) => n.slice(0, -'.yaml'.length));
}

export const profileNotFound = defineDiagnostic({
  id: 'profile-not-found',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('lawreport.yaml 的 profile 指向的提纲不存在。', 'The profile named in lawreport.yaml does not exist.'),
  why: loc('章节是否齐全、顺序和标题都由提纲决定。', 'The outline decides which chapters are required, their order and titles.'),
  fix: loc('写内置提纲名（schemas/profiles/ 下的文件名，如 national），或报告文件夹内提纲文件的相对路径。', 'Name a built-in profile (a file name in schemas/profiles/, such as national) or the relative path of a profile file in the report folder.'),
}, {
  notFound: {
    message: (d: { name: string; builtin: string[] }) => loc(`找不到提纲“${d.name}”。`, `Profile "${d.name}" not found.`),
    hint: (d: { name: string; builtin: string[] }) => {
      const guess = nearest(d.name, d.builtin);
      return guess
        ? loc(`是不是“${guess}”？内置提纲：${d.builtin.join('、')}。`, `Did you mean "${guess}"? Built-in profiles: ${d.builtin.join(', ')}.`)
        : loc(`内置提纲：${d.builtin.join('、')}；或写报告文件夹内提纲文件的相对路径。`, `Built-in profiles: ${d.builtin.join(', ')}; or give the path of a profile file inside the report folder.`);
    },
  },
  notBuiltin: {
    message: (d: { name: string; builtin: string[] }) => loc(`找不到内置提纲“${d.name}”。`, `Built-in profile "${d.name}" not found.`),
    hint: (d: { name: string; builtin: string[] }) => loc(`内置提纲：${d.builtin.join('、')}。`, `Built-in profiles: ${d.builtin.join(', ')}.`),
  },
});

export const profileSchema = defineDiagnostic({
  id: 'profile-schema',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('提纲文件不符合 schemas/profile.schema.json。', 'A profile file does not match schemas/profile.schema.json.'),
  why: loc('省市可以用自己的提纲文件；写错的提纲会让每份报告都查错。', 'A province may ship its own profile; a broken profile would misjudge every report.'),
  fix: loc('按提示改正提纲文件；每章要有 id 和 title，或者用 $ref 引用另一提纲中的章节。', 'Correct the profile as hinted; every chapter needs id and title, or a $ref to a chapter of another profile.'),
  example: { bad: 'chapters:\n  - title: 主要举措和成效\n    requird: true\n', good: 'chapters:\n  - id: measures\n    title: 主要举措和成效\n    required: true\n' },
}, SCHEMA_MESSAGES);

export const profileRef = defineDiagnostic({
  id: 'profile-ref',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('提纲中的 $ref 指向不存在的文件或位置，或者循环引用。', 'A $ref in a profile points at a missing file or place, or refers to itself in a cycle.'),
  why: loc('引用解析不出，提纲就不完整。', 'An unresolved reference leaves the outline incomplete.'),
  fix: loc('$ref 写作“提纲名或文件路径#/chapters/序号”，例如 national#/chapters/0；去掉循环。', 'Write $ref as "profile-or-path#/chapters/N", e.g. national#/chapters/0; break the cycle.'),
  example: { bad: 'chapters:\n  - $ref: "national#/chapters/9"\n', good: 'chapters:\n  - $ref: "national#/chapters/0"\n' },
}, {
  unresolved: {
    message: (d: { zh: string; en: string }) => loc(d.zh, d.en),
    hint: loc('写作“提纲名或文件路径#/chapters/序号”，如 national#/chapters/0。', 'Write "profile-or-path#/chapters/N", e.g. national#/chapters/0.'),
  },
});

export const profileDuplicateId = defineDiagnostic({
  id: 'profile-duplicate-id',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('提纲中两章（或同一章下的两个小节）用了同一个 id。', 'Two chapters of a profile (or two sections of one chapter) share an id.'),
  why: loc('章节文件按 id 对应到提纲，重复的 id 让对应关系不确定。', 'Chapter files map to the outline by id; a repeated id makes the mapping ambiguous.'),
  fix: loc('给其中一个换一个 id。', 'Give one of them another id.'),
}, {
  duplicate: {
    message: (d: { id: string; chapter: boolean }) => loc(
      `提纲中有两个${d.chapter ? '章' : '小节'}的 id 都是“${d.id}”。`,
      `Two ${d.chapter ? 'chapter' : 'section'}s of the profile have the id "${d.id}".`,
    ),
  },
});

/** Where profiles come from: built-in names from the package, paths from the report folder. */
export interface ProfileSources {
  host: SourceHost;
  builtins: SourceHost;
  /** schemas/profile.schema.json */
  metaSchema: object;
  validators: Validators;
  /** false: read the built-in files even where `npm run build` loaded them already (the tests that hold the two equal). */
  precompiled?: boolean;
}

interface RawNode {
  $ref?: string;
  id?: string;
  title?: string;
  short?: string;
  required?: boolean;
  spans?: boolean;
  variants?: string[];
  guidance?: string;
  sections?: RawNode[];
  metrics?: string[];
}


/**
 * Reads an outline profile: each file it involves is validated against the meta-schema, then
 * `$ref`s ("national#/chapters/0", "#/chapters/1", "common.yaml#/chapters/2") are resolved,
 * with the referencing entry's own keys overriding the referenced ones. Missing targets,
 * cycles and repeated ids are diagnostics at the line of the `$ref` or id.
 */
export class ProfileLoader {
  private readonly docs = new Map<string, Promise<YamlDocument | undefined | null>>();
  private builtin: string[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly sources: ProfileSources) {}

  /** The built-in profile names, as schemas/profiles/ holds them (known once `load` ran). */
  get builtinNames(): readonly string[] {
    return this.builtin;
  }

  /** The display name of a profile file: "<lawreport>/schemas/profiles/national.yaml" or a report-relative path. */
  private fileOf(name: string): string {
    return this.builtin.includes(name) ? `${BUILTIN_PREFIX}${name}.yaml` : path.posix.normalize(name);
  }

  /**
   * null when the file is missing (the caller says where it was named); undefined when it is
   * invalid or unreadable (diagnostics say why). `at`: where the profile is named, for a read failure.
   */
  async load(name: string, at?: Location): Promise<Profile | undefined | null> {
    this.builtin = await builtinProfileNames(this.sources.builtins);
    if (this.builtin.includes(name) && this.sources.precompiled !== false) {
      const built = await this.precompiled(name);
      if (built) return built;
    }
    const file = this.fileOf(name);
    const doc = await this.open(file, at);
    if (doc === null) return null;
    if (!doc) return undefined;
    const raw = doc.value as { id: string; name: string; overview?: string[]; chapters: RawNode[] };
    const chapters: ProfileSection[] = [];
    for (let i = 0; i < raw.chapters.length; i++) {
      const chapter = await this.resolve(doc, `/chapters/${i}`, raw.chapters[i]!, []);
      if (chapter) chapters.push(chapter);
    }
    this.checkIds(chapters, 'chapter');
    if (this.diagnostics.length > 0) return undefined;
    return { id: raw.id, name: raw.name, chapters, overview: raw.overview ?? [], source: file };
  }

  /**
   * A built-in profile as `npm run build` loaded it (scripts/precompile-builtins.mjs), when each
   * package file loading it read (one may $ref another) is still the text it read: new objects
   * each time, as loading makes them. Else undefined, and the files are read as any profile is.
   */
  private async precompiled(name: string): Promise<Profile | undefined> {
    const built = precompiledBuiltins()?.profiles[name];
    if (!built) return undefined;
    for (const [file, text] of Object.entries(built.texts)) {
      const read = await this.sources.builtins.readText(file);
      if (read.status !== 'ok' || read.value !== text) return undefined;
    }
    return JSON.parse(built.json) as Profile;
  }

  /** null: the file does not exist; undefined: it exists but is invalid or unreadable (diagnostics say why). */
  private open(file: string, at: Location = { file }): Promise<YamlDocument | undefined | null> {
    let found = this.docs.get(file);
    if (!found) {
      found = (async () => {
        const read = file.startsWith(BUILTIN_PREFIX)
          ? await this.sources.builtins.readText(`${BUILTIN_DIR}/${file.slice(BUILTIN_PREFIX.length)}`)
          : await this.sources.host.readText(file, YAML_LIMITS.maxBytes);
        if (read.status === 'missing') return null;
        if (read.status !== 'ok') {
          this.diagnostics.push(readFailure(file, read, at)!);
          return undefined;
        }
        const { doc, diagnostics } = parseYaml(read.value, file);
        this.diagnostics.push(...diagnostics);
        if (!doc) return undefined;
        if (!isMapping(doc.value)) {
          this.diagnostics.push(notMapping(file));
          return undefined;
        }
        const invalid = validateYaml(doc, this.sources.metaSchema, profileSchema, this.sources.validators);
        this.diagnostics.push(...invalid);
        return invalid.length > 0 ? undefined : doc;
      })();
      this.docs.set(file, found);
    }
    return found;
  }

  private async resolve(doc: YamlDocument, pointer: string, raw: RawNode, chain: string[]): Promise<ProfileSection | undefined> {
    const at = { file: doc.file, ...positionOf(doc, pointer, 'value') };
    let base: ProfileSection | undefined;
    if (raw.$ref !== undefined) {
      base = await this.follow(doc, pointer, raw.$ref, chain);
      if (!base) return undefined;
    }
    const sections: ProfileSection[] | undefined = raw.sections ? [] : base?.sections;
    for (let i = 0; i < (raw.sections?.length ?? 0); i++) {
      const section = await this.resolve(doc, `${pointer}/sections/${i}`, raw.sections![i]!, chain);
      if (section) sections!.push(section);
    }
    if (sections) this.checkIds(sections, 'section');
    // The schema guarantees id and title when there is no $ref.
    return {
      id: raw.id ?? base!.id,
      title: raw.title ?? base!.title,
      ...((raw.short ?? base?.short) ? { short: raw.short ?? base!.short } : {}),
      required: raw.required ?? base?.required ?? false,
      ...((raw.spans ?? base?.spans) ? { spans: true } : {}),
      variants: raw.variants ?? base?.variants ?? [],
      ...((raw.guidance ?? base?.guidance) ? { guidance: raw.guidance ?? base!.guidance } : {}),
      ...(sections ? { sections } : {}),
      ...(raw.metrics
        ? { metrics: raw.metrics, metricsAt: raw.metrics.map((_, i) => ({ file: doc.file, ...positionOf(doc, `${pointer}/metrics/${i}`, 'value') })) }
        : base?.metrics
          ? { metrics: base.metrics, ...(base.metricsAt ? { metricsAt: base.metricsAt } : {}) }
          : {}),
      origin: at,
    };
  }

  private async follow(doc: YamlDocument, pointer: string, ref: string, chain: string[]): Promise<ProfileSection | undefined> {
    const refPointer = `${pointer}/${pointerEscape('$ref')}`;
    const refAt = { file: doc.file, ...positionOf(doc, refPointer, 'value') };
    const fail = (zh: string, en: string) => {
      this.diagnostics.push(profileRef.at(refAt, 'unresolved', { zh, en }));
      return undefined;
    };
    const hash = ref.indexOf('#');
    const target = ref.slice(0, hash);
    const targetPointer = ref.slice(hash + 1);
    const file = target === '' ? doc.file : this.builtin.includes(target) ? this.fileOf(target) : relativeTo(doc.file, target);
    if (file === undefined) return fail(`$ref“${ref}”：内置提纲只能引用内置提纲。`, `$ref "${ref}": a built-in profile can only refer to built-in profiles.`);
    const key = `${file}#${targetPointer}`;
    if (chain.includes(key)) {
      return fail(`$ref“${ref}”形成循环引用：${[...chain, key].join(' → ')}。`, `$ref "${ref}" is circular: ${[...chain, key].join(' → ')}.`);
    }
    const targetDoc = await this.open(file, refAt);
    if (targetDoc === null) return fail(`$ref“${ref}”指向的提纲文件“${file}”不存在。`, `$ref "${ref}": profile file "${file}" does not exist.`);
    if (!targetDoc) return undefined; // its own diagnostics say why
    const node = valueAt(targetDoc.value, targetPointer);
    if (!isMapping(node)) return fail(`$ref“${ref}”：${file} 中没有“${targetPointer}”这一章或小节。`, `$ref "${ref}": ${file} has no chapter or section at "${targetPointer}".`);
    return this.resolve(targetDoc, targetPointer, node as RawNode, [...chain, key]);
  }

  private checkIds(nodes: ProfileSection[], kind: 'chapter' | 'section') {
    const first = new Map<string, ProfileSection>();
    for (const node of nodes) {
      const earlier = first.get(node.id);
      if (!earlier) {
        first.set(node.id, node);
        continue;
      }
      this.diagnostics.push(profileDuplicateId.at(node.origin!, 'duplicate', { id: node.id, chapter: kind === 'chapter' }, {
        related: [{ ...earlier.origin!, message: loc('先出现的位置', 'first occurrence') }],
      }));
    }
  }
}

export const profileMetricUnknown = defineDiagnostic({
  id: 'profile-metric-unknown',
  category: 'schema',
  severity: 'error',
  fixedSeverity: true,
  description: loc('提纲的 metrics 中写了指标目录里没有的数据项。', 'A profile\'s metrics: names a figure the metric catalog does not have.'),
  why: loc('提纲要求引用的数据必须能写进 metrics.yaml；目录里没有的名称多半是拼写错误，照它去补数据只会被 metrics.yaml 的校验拒绝。', 'A figure the outline requires must be one metrics.yaml can hold; a name the catalog lacks is usually a typo, and adding it to metrics.yaml would only be refused there.'),
  fix: loc('按“是不是……”的建议改正提纲中的“组.项”名称，或把这项数据加进报告自己的指标目录（lawreport.yaml 的 catalog）。', 'Correct the "group.key" in the profile as suggested, or add the figure to the report\'s own catalog (catalog: in lawreport.yaml).'),
  example: { bad: 'metrics: [enforcement.cases_filled]\n', good: 'metrics: [enforcement.cases_filed]\n' },
}, {
  unknown: {
    message: (d: { path: string; guess?: string }) => loc(`提纲要求的数据“${d.path}”不在指标目录中。`, `The profile requires "${d.path}", which is not in the metric catalog.`),
    hint: (d: { path: string; guess?: string }) => d.guess ? loc(`是不是“${d.guess}”？`, `Did you mean "${d.guess}"?`) : loc('数据项见 schemas/metrics.catalog.yaml；本报告特有的数据写进 lawreport.yaml 的 catalog。', 'Figures are listed in schemas/metrics.catalog.yaml; put the report\'s own in the catalog named by lawreport.yaml.'),
  },
});

/** Every `metrics:` entry of the outline that the catalog lacks, at its line in the profile file. */
export function unknownProfileMetrics(chapters: readonly ProfileSection[], known: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>(); // a $ref'd node is checked once, at its own line
  const visit = (node: ProfileSection) => {
    (node.metrics ?? []).forEach((path, i) => {
      if (known.has(path)) return;
      const at: Location = node.metricsAt?.[i] ?? node.origin ?? { file: '' };
      const key = `${at.file}:${at.line}:${at.column}:${path}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(profileMetricUnknown.at(at, 'unknown', { path, guess: nearest(path, known) }));
    });
    node.sections?.forEach(visit);
  };
  chapters.forEach(visit);
  return out;
}

function relativeTo(from: string, target: string): string | undefined {
  if (from.startsWith('<')) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

/** The value at a JSON pointer ("/chapters/0/sections/2"), or undefined. */
function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const seg of pointer.split('/').slice(1)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
