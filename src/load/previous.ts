import { loc, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { SourceHost } from '../io/host.js';
import type { PreviousFigures, ReportConfig } from '../model.js';
import { positionOf, parseYaml, YAML_LIMITS, type YamlDocument } from '../source/yaml.js';
import { readFailure } from '../source/read.js';
import { unsafeNumbers } from './numbers.js';

/**
 * Opens last year's report folder (a path relative to this report, often "../2023").
 * The CLI gives a host confined to that folder alone, so reaching last year's figures never
 * widens what chapters and images of this report may read.
 */
export type OpenPrevious = (dir: string) => SourceHost;

export const previousNotFound = defineDiagnostic({
  id: 'previous-not-found',
  category: 'schema',
  severity: 'warning',
  description: loc('lawreport.yaml 的 previous 指向的上一年度数据读不到。', 'The previous year\'s figures named by previous: in lawreport.yaml cannot be read.'),
  why: loc('没有上年的数据，“同比上升……”就无法核对。', 'Without last year\'s figures, "up …% year on year" cannot be checked.'),
  fix: loc('改正 previous 的路径（上年报告文件夹或其 metrics.yaml，相对于报告文件夹），或删去这一项。', 'Correct the previous: path (last year\'s report folder or its metrics.yaml, relative to the report folder), or remove it.'),
}, {
  unreadable: {
    message: (d: { path: string; reason?: Localized }) => loc(`读不到上一年度的数据“${d.path}”，同比无法核对。${d.reason?.zh ?? ''}`, `Cannot read last year's figures "${d.path}"; year-over-year changes are not checked.${d.reason ? ` ${d.reason.en}` : ''}`),
    hint: loc('检查 previous: 的路径（相对于报告文件夹）。', 'Check the previous: path (relative to the report folder).'),
  },
});

/** A view of a subfolder of `host`: the default when no opener is given (tests, folders inside the report). */
function subfolderHost(host: SourceHost, dir: string): SourceHost {
  const join = (p: string) => (dir === '.' || dir === '' ? p : `${dir.replace(/\/+$/, '')}/${p}`);
  return {
    root: `${host.root}/${dir}`,
    readText: (p, limit) => host.readText(join(p), limit),
    readBytes: (p, limit) => host.readBytes(join(p), limit),
    listFiles: (p) => host.listFiles(join(p)),
  };
}

/** `previous:` names a folder (its metrics.yaml is read) or a metrics file. */
function splitPreviousPath(previous: string): { dir: string; file: string } {
  const clean = previous.replace(/\\/g, '/').replace(/\/+$/, '');
  if (!/\.ya?ml$/i.test(clean)) return { dir: clean, file: 'metrics.yaml' };
  const slash = clean.lastIndexOf('/');
  return slash < 0 ? { dir: '.', file: clean } : { dir: clean.slice(0, slash) || '/', file: clean.slice(slash + 1) };
}

export async function loadPrevious(
  host: SourceHost,
  config: ReportConfig,
  configDoc: YamlDocument,
  open: OpenPrevious | undefined,
): Promise<{ previous?: PreviousFigures; diagnostics: Diagnostic[] }> {
  if (!config.previous) return { diagnostics: [] };
  const { dir, file } = splitPreviousPath(config.previous);
  const display = dir === '.' ? file : `${dir}/${file}`;
  const at = { file: 'lawreport.yaml', ...positionOf(configDoc, '/previous', 'value') };
  const read = await (open ? open(dir) : subfolderHost(host, dir)).readText(file, YAML_LIMITS.maxBytes);
  if (read.status !== 'ok') {
    // Why it could not be read, worded as for any source file; a warning, as the report stands without it.
    const reason = readFailure(display, read, at)?.message;
    return { diagnostics: [previousNotFound.at(at, 'unreadable', { path: display, reason })] };
  }
  const text = read.value;
  const parsed = parseYaml(text, display);
  const value = parsed.doc?.value;
  if (!parsed.doc || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostics: parsed.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })) };
  }
  // Last year's figures only inform this year's checks: a number that cannot be right is a warning, and leaves them unchecked.
  const unsafe = unsafeNumbers(parsed.doc, 'warning');
  if (unsafe.length > 0) return { diagnostics: unsafe };
  return { previous: { file: display, metrics: value as Record<string, unknown>, doc: parsed.doc }, diagnostics: [] };
}
