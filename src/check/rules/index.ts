import type { Rule } from '../rule.js';
import { chapterDuplicate } from './chapter-duplicate.js';
import { chapterMissing } from './chapter-missing.js';
import { chapterUnknown } from './chapter-unknown.js';
import { figurePartWhole } from './figure-part-whole.js';
import { figurePercentRange } from './figure-percent-range.js';
import { figureRate } from './figure-rate.js';
import { figureRateUnverifiable } from './figure-rate-unverifiable.js';
import { figureSum } from './figure-sum.js';
import { figureYoyJump } from './figure-yoy-jump.js';

/** Every built-in rule, in the order they run. */
export const rules: readonly Rule[] = [
  chapterMissing,
  chapterUnknown,
  chapterDuplicate,
  figurePartWhole,
  figureSum,
  figureRate,
  figureRateUnverifiable,
  figurePercentRange,
  figureYoyJump,
];
