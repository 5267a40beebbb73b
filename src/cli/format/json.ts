import type { Diagnostic, Lang } from '../../diagnostics/diagnostic.js';
import { jsonDiagnostic } from '../../diagnostics/json.js';
import type { Formatter } from './types.js';
import { joinPath } from './paths.js';

/** One diagnostic with every field, its messages in `lang`, paths seen from `base`: an item of schemas/check-output.schema.json (the shape: diagnostics/json.ts). */
export function diagnosticJson(d: Diagnostic, lang: Lang, base: string, packageUrl?: string) {
  return jsonDiagnostic(d, lang, (file) => joinPath(base, file), packageUrl);
}

/**
 * Machine-readable: an array with every field of every diagnostic, messages in the chosen
 * language. The shape is schemas/check-output.schema.json.
 */
export const json: Formatter = (diagnostics, { lang, base, packageUrl }) => JSON.stringify(diagnostics.map((d) => diagnosticJson(d, lang, base, packageUrl)), null, 2) + '\n';
