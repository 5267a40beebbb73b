import type { Diagnostic, Lang } from '../../diagnostics/diagnostic.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  /** The report folder as the user named it, prefixed to file paths so editors and CI can open them. */
  base: string;
}

/** One signature for every formatter (like ESLint's): diagnostics in, text out. */
export type Formatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;
