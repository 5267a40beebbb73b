import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Profile, ProfileChapter, ProfileSection } from '../model.js';
import { parseYaml } from '../load/yaml.js';

export const BUILTIN_PROFILES = ['national', 'gangyao-2021'] as const;

/** Reads an outline profile (a tree of chapters and optional sections) from YAML. */
export function parseProfile(text: string, file: string): { profile?: Profile; diagnostics: Diagnostic[] } {
  const { doc, diagnostics } = parseYaml(text, file);
  if (!doc) return { diagnostics };
  const raw = doc.value as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || !Array.isArray(raw.chapters)) {
    return {
      diagnostics: [
        diag('profile-invalid', 'error', { file, line: 1, column: 1 }, loc(
          '提纲文件必须有 chapters 列表。', 'A profile needs a "chapters" list.')),
      ],
    };
  }
  const chapters = (raw.chapters as Record<string, unknown>[]).map((c) => ({
    ...toSection(c),
    metrics: Array.isArray(c.metrics) ? c.metrics.map(String) : undefined,
  })) as ProfileChapter[];
  return {
    profile: { id: String(raw.id ?? file), name: String(raw.name ?? raw.id ?? file), chapters, source: file },
    diagnostics,
  };
}

function toSection(c: Record<string, unknown>): ProfileSection {
  return {
    id: String(c.id),
    title: String(c.title ?? c.id),
    required: c.required === true,
    variants: Array.isArray(c.variants) ? c.variants.map(String) : [],
    sections: Array.isArray(c.sections) ? (c.sections as Record<string, unknown>[]).map(toSection) : undefined,
  };
}
