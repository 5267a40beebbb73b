import { jsonDiagnostic } from '../../diagnostics/json.js';
import type { Formatter } from './types.js';
import { joinPath } from './paths.js';

/**
 * Machine-readable: an array with every field of every diagnostic, messages in the chosen
 * language. The shape is schemas/check-output.schema.json.
 */
export const json: Formatter = (diagnostics, { lang, base }) => JSON.stringify(diagnostics.map((d) => jsonDiagnostic(d, lang, (file) => joinPath(base, file))), null, 2) + '\n';
