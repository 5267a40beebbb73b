import { docsUrl, type Diagnostic, type DiagnosticId, type Fix, type Localized, type Location, type RelatedLocation, type Severity } from './diagnostic.js';

export { docsUrl } from './diagnostic.js';

/**
 * What a diagnostic id is, for docs/rules.md, SARIF and `rules:` in lawreport.yaml: the one home
 * of its id, default severity and documentation, declared beside the code that raises it
 * (a rule's module, or the stage's file for load, schema, template, Markdown, image and import
 * diagnostics). The pipeline's registry (src/pipeline/registry.ts) collects them all.
 */
export interface DiagnosticMeta {
  id: string;
  /** Default severity; lawreport.yaml `rules:` can change it or turn the check off. */
  severity: Severity;
  /** The docs/rules.md section it is listed under ('load', 'schema', 'outline', 'figures', …). */
  category: string;
  description: Localized;
  /** Why it exists, for docs/rules.md. */
  why: Localized;
  /** How to fix or silence it, for docs/rules.md; a message's hint may say the same (`hint: 'fix'`). */
  fix: Localized;
  /** A short wrong/right pair for docs/rules.md (Markdown or YAML as the reader writes it). */
  example?: { bad: string; good: string };
  fixable?: boolean;
  /** The stage stops on it (nothing can be compiled past it), so `rules:` cannot change its severity. */
  fixedSeverity?: boolean;
  /**
   * The report could not be read as given (no lawreport.yaml, a file without permission): the CLI
   * exits 2, as for a usage error, not 1 as for a report with errors.
   */
  readError?: boolean;
}

type Text<D> = Localized | ((data: D) => Localized);

/** One message of a diagnostic: its text from the data it is raised with, and what to do about it. */
export interface MessageSpec<D = never> {
  message: Text<D>;
  /** 'fix': the meta's `fix` text, written once for the docs and the message alike. */
  hint?: Localized | ((data: D) => Localized | undefined) | 'fix';
}

type DataOf<S> = S extends { message: (data: infer D) => Localized } ? D : S extends { hint: (data: infer D) => Localized } ? D : never;
type Extra = { severity?: Severity; related?: RelatedLocation[]; fix?: Fix };
type Args<S> = [DataOf<S>] extends [never] ? [data?: undefined, extra?: Extra] : [data: DataOf<S>, extra?: Extra];

export interface DiagnosticDefinition<M extends Record<string, MessageSpec<any>>> {
  readonly meta: DiagnosticMeta;
  /** A diagnostic of this id at `where`, with message `messageId` filled from `data`. */
  at<K extends keyof M & string>(where: Location, messageId: K, ...args: Args<M[K]>): Diagnostic;
  /** Another stage's diagnostic reported under this id (a YAML error in front matter is a front-matter problem). */
  adopt(diagnostic: Diagnostic): Diagnostic;
}

/**
 * The id a declaration raises under: for `defineDiagnostic` below and for the rule runner, which
 * stamps a rule's `meta.id` on what it reports. The one way to a `DiagnosticId`.
 */
export function declaredId(meta: DiagnosticMeta): DiagnosticId {
  return meta.id as DiagnosticId;
}

/** Declares a diagnostic id with its documentation and its messages (like an ESLint rule's meta.messages). */
export function defineDiagnostic<M extends Record<string, MessageSpec<any>>>(meta: DiagnosticMeta, messages: M): DiagnosticDefinition<M> {
  const id = declaredId(meta);
  const url = docsUrl(meta.id);
  const text = <D>(t: Text<D>, data: D): Localized => (typeof t === 'function' ? t(data) : t);
  return {
    meta,
    at(where, messageId, ...[raw, extra]) {
      const spec = messages[messageId]!;
      const data = clipData(raw);
      const hint = spec.hint === 'fix' ? meta.fix : typeof spec.hint === 'function' ? spec.hint(data) : spec.hint;
      return {
        ruleId: id,
        severity: extra?.severity ?? meta.severity,
        ...where,
        message: text(spec.message, data),
        ...(hint ? { hint } : {}),
        ...(extra?.related ? { related: extra.related } : {}),
        ...(extra?.fix ? { fix: extra.fix } : {}),
        url,
      };
    },
    adopt: (diagnostic) => ({ ...diagnostic, ruleId: id, url }),
  };
}

/** Longest text a message repeats from the input (a path, a figure's name): a pasted 4 MB data: URI is named, not echoed. */
export const MAX_ECHO = 120;

/** The data a message is filled from, with every long string cut to MAX_ECHO characters. */
function clipData<D>(data: D): D {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || value.length <= MAX_ECHO) continue;
    copy ??= { ...(data as Record<string, unknown>) };
    copy[key] = `${value.slice(0, MAX_ECHO).replace(/[\uD800-\uDBFF]$/, '')}…`;
  }
  return (copy ?? data) as D;
}
