import { FigureTerms } from './figures/find.js';
import type { SourceHost } from './io/host.js';
import type { YamlDocument } from './source/yaml.js';
import { TemplateCache } from './template/render.js';
import { readBuiltinSchemas, type BuiltinSchemas } from './validate/builtin-schemas.js';
import { Validators } from './validate/schema.js';

/**
 * What runs that share one installation of lawreport keep between reports: a single run, a
 * batch worker (which takes report after report), a preview (which rebuilds on every save).
 * Every cache lives here, for the package host it serves, never in a module: the package's
 * schemas and their compiled validators, the built-in catalog and profiles as parsed, metrics.yaml schemas
 * by content, templates compiled by their text, and the figure finder's terms per catalog.
 */
export class Session {
  readonly validators: Validators;
  readonly templates = new TemplateCache();
  /** The figure finder's labels and aliases per catalog: the built-in catalog is one object per session (memo below), so its terms are made once. */
  readonly figureTerms = new FigureTerms();
  /** metrics.yaml's schema by its content: the same catalog gives the same object, compiled once. */
  readonly metricsSchemas = new Map<string, object>();
  /** The built-in outline profiles as parsed and validated, by file and text (src/profile/load.ts). */
  readonly profileDocs = new Map<string, YamlDocument>();
  /** What renderers keep between reports (render/options.ts' RenderCache: the DOCX's styles, theme and numbering per fonts). */
  readonly renders = new Map<symbol, unknown>();
  private schemas?: Promise<BuiltinSchemas>;
  private readonly memos = new Map<symbol, { key: string; value: unknown }>();

  /** `builtins` reads the package's own files (schemas/, templates/, lib/validate/precompiled/). */
  constructor(readonly builtins: SourceHost) {
    this.validators = new Validators();
  }

  builtinSchemas(): Promise<BuiltinSchemas> {
    this.schemas ??= readBuiltinSchemas(this.builtins, this.validators);
    return this.schemas;
  }

  /**
   * A value made from some text of the package (the built-in catalog), kept while the text stays
   * the same. `name` says which value; a value that should not be kept (it carries diagnostics,
   * which travel on) is made anew each time when `keep` says so.
   */
  memo<T>(name: symbol, key: string, make: () => T, keep: (value: T) => boolean = () => true): T {
    const found = this.memos.get(name);
    if (found?.key === key) return found.value as T;
    const value = make();
    if (keep(value)) this.memos.set(name, { key, value });
    return value;
  }
}
