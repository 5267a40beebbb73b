import type { Formatter } from './types.js';
import { github } from './github.js';
import { human } from './human.js';
import { json } from './json.js';
import { sarif } from './sarif.js';

/** Formatters registered by name, as --format chooses them. */
export const formatters: Record<string, Formatter> = { human, json, github, sarif };
