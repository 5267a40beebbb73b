import type { DiffFormatter } from './describe.js';
import { human } from './human.js';
import { json } from './json.js';
import { markdown } from './markdown.js';

/** The diff's formats by name, as `lawreport diff --format` chooses them. */
export const diffFormatters: Record<string, DiffFormatter> = { human, markdown, json };
