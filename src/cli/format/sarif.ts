import { docsUrl, resolveDocsUrl, type Location, type Severity } from '../../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';
import { joinPath } from './paths.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 (OASIS), for code-scanning UIs: one run whose driver lists every registered rule
 * with its documentation, and one result per diagnostic. Columns are UTF-16 code units, as ours are.
 */
export const sarif: Formatter = (diagnostics, { lang, base, rules: metas = [], version = '0.0.0', packageUrl }) => {
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const physical = (l: Location) => {
    if (l.file.startsWith('<')) return undefined; // lawreport's own files are not in the repository
    const region =
      l.line === undefined
        ? undefined
        : {
            startLine: l.line,
            ...(l.column !== undefined ? { startColumn: l.column } : {}),
            ...(l.endLine !== undefined ? { endLine: l.endLine } : {}),
            ...(l.endLine !== undefined && l.endColumn !== undefined ? { endColumn: l.endColumn } : {}),
          };
    return { artifactLocation: { uri: encodeURI(joinPath(base, l.file)) }, ...(region ? { region } : {}) };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lawreport',
            version,
            rules: metas.map((m) => ({
              id: m.id,
              shortDescription: { text: m.description[lang] },
              fullDescription: { text: m.why[lang] },
              help: { text: m.fix[lang] },
              // SARIF wants an absolute URI: the single executable has no folder to point into.
              ...(packageUrl ? { helpUri: resolveDocsUrl(docsUrl(m.id), packageUrl) } : {}),
              defaultConfiguration: { level: LEVEL[m.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => {
          const where = physical(d);
          const text = [where ? d.message[lang] : `${d.file}: ${d.message[lang]}`, d.hint?.[lang]].filter(Boolean).join('\n');
          const related = (d.related ?? []).flatMap((r, i) => {
            const at = physical(r);
            return at ? [{ id: i, physicalLocation: at, message: { text: r.message[lang] } }] : [];
          });
          return {
            ruleId: d.ruleId,
            ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
            level: LEVEL[d.severity],
            message: { text },
            ...(where ? { locations: [{ physicalLocation: where }] } : {}),
            ...(related.length ? { relatedLocations: related } : {}),
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
