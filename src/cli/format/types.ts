import type { DiagnosticMeta } from '../../diagnostics/definition.js';
import type { Diagnostic, Lang } from '../../diagnostics/diagnostic.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  /** The report folder as the user named it, prefixed to file paths so editors and CI can open them. */
  base: string;
  /**
   * Every registered rule, for formats that describe the rules (SARIF). Passed in by the command,
   * which has loaded them anyway: importing the registry here would load every rule at start-up.
   */
  rules?: readonly DiagnosticMeta[];
  /** lawreport's version, for formats that name the tool (SARIF): formatters read no files. */
  version?: string;
  /** Where lawreport is installed, as a file: URL: docs urls are printed resolved against it. */
  packageUrl?: string;
}

/** One signature for every formatter (like ESLint's): diagnostics in, text out. */
export type Formatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;
