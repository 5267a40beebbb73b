import path from 'node:path';
import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceHost } from '../io/host.js';
import { isMapping, notMapping } from '../load/mapping.js';
import { parseYaml, pointerEscape, positionOf, type YamlDocument } from '../load/yaml.js';
import type { Profile, ProfileSection } from '../model.js';
import { validateYaml } from '../validate/schema.js';

import { BUILTIN_PROFILES } from './builtin-names.js';

export { BUILTIN_PROFILES };

const BUILTIN_PREFIX = '<lawreport>/schemas/profiles/';

/** Where profiles come from: built-in names from the package, paths from the report folder. */
export interface ProfileSources {
  host: SourceHost;
  builtins: SourceHost;
  /** schemas/profile.schema.json */
  metaSchema: object;
}

interface RawNode {
  $ref?: string;
  id?: string;
  title?: string;
  required?: boolean;
  spans?: boolean;
  variants?: string[];
  guidance?: string;
  sections?: RawNode[];
  metrics?: string[];
}

/** The display name of a profile file: "<lawreport>/schemas/profiles/national.yaml" or a report-relative path. */
export function profileFile(name: string): string {
  return (BUILTIN_PROFILES as readonly string[]).includes(name) ? `${BUILTIN_PREFIX}${name}.yaml` : path.posix.normalize(name);
}

/**
 * Reads an outline profile: each file it involves is validated against the meta-schema, then
 * `$ref`s ("national#/chapters/0", "#/chapters/1", "common.yaml#/chapters/2") are resolved,
 * with the referencing entry's own keys overriding the referenced ones. Missing targets,
 * cycles and repeated ids are diagnostics at the line of the `$ref` or id.
 */
export class ProfileLoader {
  private readonly docs = new Map<string, Promise<YamlDocument | undefined>>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly sources: ProfileSources) {}

  /** Undefined when the file is missing (the caller says where it was named); invalid files add diagnostics. */
  async load(name: string): Promise<Profile | undefined | null> {
    const file = profileFile(name);
    const doc = await this.open(file);
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

  /** null: the file does not exist; undefined: it exists but is invalid (diagnostics say why). */
  private open(file: string): Promise<YamlDocument | undefined | null> {
    let found = this.docs.get(file) as Promise<YamlDocument | undefined | null> | undefined;
    if (!found) {
      found = (async () => {
        const text = file.startsWith(BUILTIN_PREFIX)
          ? await this.sources.builtins.readText(`schemas/profiles/${file.slice(BUILTIN_PREFIX.length)}`)
          : await this.sources.host.readText(file);
        if (text === undefined) return null;
        const { doc, diagnostics } = parseYaml(text, file);
        this.diagnostics.push(...diagnostics);
        if (!doc) return undefined;
        if (!isMapping(doc.value)) {
          this.diagnostics.push(notMapping(file));
          return undefined;
        }
        const invalid = validateYaml(doc, this.sources.metaSchema, 'profile-schema');
        this.diagnostics.push(...invalid);
        return invalid.length > 0 ? undefined : doc;
      })();
      this.docs.set(file, found as Promise<YamlDocument | undefined>);
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
      required: raw.required ?? base?.required ?? false,
      ...((raw.spans ?? base?.spans) ? { spans: true } : {}),
      variants: raw.variants ?? base?.variants ?? [],
      ...((raw.guidance ?? base?.guidance) ? { guidance: raw.guidance ?? base!.guidance } : {}),
      ...(sections ? { sections } : {}),
      ...((raw.metrics ?? base?.metrics) ? { metrics: raw.metrics ?? base!.metrics } : {}),
      origin: at,
    };
  }

  private async follow(doc: YamlDocument, pointer: string, ref: string, chain: string[]): Promise<ProfileSection | undefined> {
    const refPointer = `${pointer}/${pointerEscape('$ref')}`;
    const fail = (zh: string, en: string) => {
      this.diagnostics.push(diag('profile-ref', 'error', { file: doc.file, ...positionOf(doc, refPointer, 'value') }, loc(zh, en), {
        hint: loc('写作“提纲名或文件路径#/chapters/序号”，如 national#/chapters/0。', 'Write "profile-or-path#/chapters/N", e.g. national#/chapters/0.'),
      }));
      return undefined;
    };
    const hash = ref.indexOf('#');
    const target = ref.slice(0, hash);
    const targetPointer = ref.slice(hash + 1);
    const file = target === '' ? doc.file : (BUILTIN_PROFILES as readonly string[]).includes(target) ? profileFile(target) : relativeTo(doc.file, target);
    if (file === undefined) return fail(`$ref“${ref}”：内置提纲只能引用内置提纲。`, `$ref "${ref}": a built-in profile can only refer to built-in profiles.`);
    const key = `${file}#${targetPointer}`;
    if (chain.includes(key)) {
      return fail(`$ref“${ref}”形成循环引用：${[...chain, key].join(' → ')}。`, `$ref "${ref}" is circular: ${[...chain, key].join(' → ')}.`);
    }
    const targetDoc = await this.open(file);
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
      const what = kind === 'chapter' ? loc('章', 'chapter') : loc('小节', 'section');
      this.diagnostics.push(diag('profile-duplicate-id', 'error', node.origin!, loc(
        `提纲中有两个${what.zh}的 id 都是“${node.id}”。`,
        `Two ${what.en}s of the profile have the id "${node.id}".`,
      ), { related: [{ ...earlier.origin!, message: loc('先出现的位置', 'first occurrence') }] }));
    }
  }
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
