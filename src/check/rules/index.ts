import type { Rule } from '../rule.js';
import { chapterDuplicate } from './chapter-duplicate.js';
import { chapterMissing } from './chapter-missing.js';
import { chapterUnknown } from './chapter-unknown.js';

/** Every built-in rule, in the order they run. */
export const rules: readonly Rule[] = [chapterMissing, chapterUnknown, chapterDuplicate];
