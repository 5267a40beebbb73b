import type { Formatter } from './types.js';
import { human } from './human.js';
import { json } from './json.js';

/** Formatters registered by name, as --format chooses them. */
export const formatters: Record<string, Formatter> = { human, json };
