import type { Rule } from '../rule.js';
import { chapterDuplicate } from './chapter-duplicate.js';
import { chapterEmpty } from './chapter-empty.js';
import { chapterMissing } from './chapter-missing.js';
import { chapterOrder } from './chapter-order.js';
import { chapterPartUntitled } from './chapter-part-untitled.js';
import { chapterPlaceholder } from './chapter-placeholder.js';
import { chapterUnknown } from './chapter-unknown.js';
import { configUnknownRule } from './config-unknown-rule.js';
import { metricRequired } from './metric-required.js';
import { metricsSchemaRule } from './metrics-schema.js';
import { sectionMissing } from './section-missing.js';
import { figurePartWhole } from './figure-part-whole.js';
import { figurePercentRange } from './figure-percent-range.js';
import { figureRate } from './figure-rate.js';
import { figureRateUnverifiable } from './figure-rate-unverifiable.js';
import { figureSum } from './figure-sum.js';
import { figureYoyJump } from './figure-yoy-jump.js';
import { dateDeadline } from './date-deadline.js';
import { listNumbering } from './list-numbering.js';
import { numberApproxRound } from './number-approx-round.js';
import { numberApproxStacked } from './number-approx-stacked.js';
import { numberRangeUnit } from './number-range-unit.js';
import { punctuationHalfwidth } from './punctuation-halfwidth.js';
import { termFazhiban } from './term-fazhiban.js';
import { termFazhiZhengfu } from './term-fazhi-zhengfu.js';
import { yearAbbreviated } from './year-abbreviated.js';
import { yearAmbiguous } from './year-ambiguous.js';
import { yearStale } from './year-stale.js';
import { proseFigureMismatch } from './prose-figure-mismatch.js';
import { proseFigureLiteral } from './prose-figure-literal.js';
import { figureYoyChange } from './figure-yoy-change.js';
import { numberNotationMixed } from './number-notation-mixed.js';
import { headingLevel } from './heading-level.js';
import { headingTypedNumber } from './heading-typed-number.js';

/** Every built-in rule, in the order they run. */
// Each rule is typed by its own options; the list holds them as rules of some options.
export const rules: readonly Rule[] = [
  configUnknownRule,
  metricsSchemaRule,
  chapterMissing,
  chapterUnknown,
  chapterDuplicate,
  chapterOrder,
  chapterPartUntitled,
  chapterEmpty,
  chapterPlaceholder,
  sectionMissing,
  metricRequired,
  figurePartWhole,
  figureSum,
  figureRate,
  figureRateUnverifiable,
  figurePercentRange,
  figureYoyJump,
  figureYoyChange,
  proseFigureMismatch,
  proseFigureLiteral,
  dateDeadline,
  yearStale,
  yearAmbiguous,
  yearAbbreviated,
  termFazhiZhengfu,
  termFazhiban,
  punctuationHalfwidth,
  numberApproxRound,
  numberApproxStacked,
  numberRangeUnit,
  numberNotationMixed,
  listNumbering,
  headingLevel,
  headingTypedNumber,
];
