import { loc } from '../../diagnostics/diagnostic.js';
import { renderTitle } from '../../profile/title.js';
import type { ChapterSource, ProfileSection } from '../../model.js';
import { matchTitle } from '../../profile/match.js';
import type { ChapterOutline, OutlineHeading } from '../chapter-outline.js';
import { outlineParts } from '../chapter-parts.js';
import type { Finding, Rule } from '../rule.js';

export const sectionMissing: Rule = {
  meta: {
    id: 'section-missing',
    category: 'outline',
    severity: 'error',
    description: loc('章节中缺少提纲要求的小节。', 'A chapter lacks a sub-section the outline requires.'),
    why: loc(
      '许多地方要求“主要举措和成效”按《法治政府建设实施纲要（2021—2025年）》的各项任务逐项报告，漏掉一项会被退回补充。',
      'Many regions ask that the measures chapter report on each task of the 2021–2025 outline; a report that skips one is sent back.',
    ),
    fix: loc(
      '在该章中加一个 ## 小节，标题含有提纲的标题或其常见写法（如“推进依法科学民主决策情况”）；确实没有的工作也写明情况。',
      'Add a ## section whose heading contains the outline title or a known variant (e.g. "推进依法科学民主决策情况"); state the situation even where there was little work.',
    ),
    example: {
      bad: '## 推进依法科学民主决策情况\n……\n## 严格规范公正文明执法情况\n……\n',
      good: '## 依法全面履行政府职能情况\n……\n## 推进依法科学民主决策情况\n……\n## 严格规范公正文明执法情况\n……\n',
    },
  },
  check({ source, views, report }) {
    const outline = (chapter: ChapterSource) => views.outline(chapter);
    const title = (template: string) => renderTitle(template, source.config);
    for (const [node, parts] of outlineParts(source)) {
      if (!node.sections) continue;
      // A chapter written as several (themed measures): each part's own title may name a section too.
      const found = new Map<string, Found>();
      for (const part of parts) {
        const own = parts.length > 1 && part.title ? [{ depth: 2, text: part.title, line: 1, column: 1, start: 0, end: part.body.length }] : [];
        for (const [id, heading] of sectionsFound(node, [...own, ...outline(part).headings.filter((h) => h.depth === 2)])) {
          if (!found.has(id)) found.set(id, { chapter: part, heading });
        }
      }
      checkLevel(parts[0]!, node, found, outline(parts[0]!).first, 3, title, outline, report);
    }
  },
};

interface Found {
  chapter: ChapterSource;
  heading: OutlineHeading;
}

/** Reports the sections of `parent` not found at this level, then recurses into each found one. */
function checkLevel(
  chapter: ChapterSource,
  parent: ProfileSection,
  found: Map<string, Found>,
  at: { line: number; column: number },
  nextDepth: number,
  title: (template: string) => string,
  outline: (chapter: ChapterSource) => ChapterOutline,
  report: (d: Finding) => void,
) {
  for (const section of parent.sections ?? []) {
    const hit = found.get(section.id);
    if (hit) {
      if (!section.sections) continue;
      const children = outline(hit.chapter).headings.filter((h) => h.depth === nextDepth && h.start > hit.heading.start && h.start < hit.heading.end);
      const inner = new Map([...sectionsFound(section, children)].map(([id, heading]) => [id, { chapter: hit.chapter, heading }]));
      checkLevel(hit.chapter, section, inner, hit.heading, nextDepth + 1, title, outline, report);
      continue;
    }
    if (!section.required) continue;
    const hashes = '#'.repeat(nextDepth - 1);
    report({
      file: chapter.file,
      line: at.line,
      column: at.column,
      message: loc(
        `“${title(parent.title)}”缺少提纲要求的小节“${title(section.title)}”。`,
        `"${title(parent.title)}" lacks the required section "${title(section.title)}".`,
      ),
      hint: loc(
        `加一个 ${hashes} 小节，标题含有“${section.title}”${section.variants.length ? `或${section.variants.slice(0, 4).map((v) => `“${v}”`).join('、')}` : ''}。`,
        `Add a ${hashes} section whose heading contains "${section.title}"${section.variants.length ? ` or ${section.variants.slice(0, 4).map((v) => `"${v}"`).join(', ')}` : ''}.`,
      ),
      ...(section.origin ? { related: [{ ...section.origin, message: loc('提纲中的定义', 'defined in the profile') }] } : {}),
    });
  }
}

/** Which profile section each heading stands for (the first heading that matches a section wins). */
export function sectionsFound(parent: ProfileSection, headings: readonly OutlineHeading[]): Map<string, OutlineHeading> {
  const found = new Map<string, OutlineHeading>();
  for (const heading of headings) {
    const section = matchTitle(parent.sections ?? [], heading.text);
    if (section && !found.has(section.id)) found.set(section.id, heading);
  }
  return found;
}
