import type { OutlineChange } from '../../../review/compare.js';
import { diagnosticJson } from '../json.js';
import { joinPath } from '../paths.js';
import type { DiffFormatter } from './describe.js';

export const DIFF_SCHEMA_ID = 'https://lawreport.dev/schemas/diff-output.schema.json';

/** The diff for scripts, every file path as the user would open it: schemas/diff-output.schema.json. */
export const json: DiffFormatter = (diff, { lang, base, packageUrl }) => {
  const at = (file: string) => joinPath(base, file);
  const outline = (o: OutlineChange) => (o.kind === 'renamed' ? { ...o, from: at(o.from), to: at(o.to) } : { ...o, file: at(o.file) });
  return JSON.stringify({
    $schema: DIFF_SCHEMA_ID,
    before: diff.before,
    after: diff.after,
    figures: diff.figures.map((f) => ({ ...f, uses: f.uses.map((u) => ({ ...u, file: at(u.file) })) })),
    text: diff.text.map((t) => ({ ...t, file: at(t.file) })),
    outline: diff.outline.map(outline),
    diagnostics: {
      appeared: diff.diagnostics.appeared.map((d) => diagnosticJson(d, lang, base, packageUrl)),
      resolved: diff.diagnostics.resolved.map((d) => diagnosticJson(d, lang, base, packageUrl)),
    },
  }, null, 2) + '\n';
};
