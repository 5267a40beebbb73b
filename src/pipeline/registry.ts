import type { DiagnosticMeta } from '../diagnostics/definition.js';
import { rules } from '../check/rules/index.js';
import { configRuleOptions } from '../check/run.js';
import { imageMissing, imageOutside, imageRemote, imageTooMany, imageUnreadable } from '../compile/assets.js';
import { htmlUnsupported, markdownUnsupported } from '../compile/lower.js';
import { importDocxEncrypted, importDocxUnsafe, importEncoding, importOwn, importTooLarge, importUnreadable } from '../import/diagnostics.js';
import { importNoDate, importNoOrg, importNoSignature, importNoTitle, importNoYear, importOrgGuessed, importYearConflict, importYearGuessed } from '../import/fact-notes.js';
import { importChapterHeading, importChaptersUnmarked, importNoChapters } from '../import/chapter-notes.js';
import { importChapterMerged, importChapterMissing, importChapterSplit, importChapterThemed, importChapterUnmapped } from '../import/map-chapters.js';
import { catalogSchema } from '../load/catalog.js';
import { controlCharacter } from '../load/control-chars.js';
import { sourceEncoding } from '../load/decoding-host.js';
import { frontMatterError } from '../load/front-matter.js';
import { previousNotFound } from '../load/previous.js';
import { catalogInvalid } from '../load/relations.js';
import { catalogNotFound, configSchema, noConfig } from '../load/report.js';
import { dateInvalid } from '../load/report-date.js';
import { outputOutside } from '../load/output-dir.js';
import { numberUnsafe } from '../load/numbers.js';
import { markdownDelimiters, markdownTooComplex, markdownTooDeep, markdownTooLarge } from '../markdown/guard.js';
import { htmlTooDeep, htmlUnclosed } from '../markdown/raw-html.js';
import { profileDuplicateId, profileMetricUnknown, profileNotFound, profileRef, profileSchema } from '../profile/load.js';
import { yamlNotMapping } from '../source/mapping.js';
import { summaryDuplicateReport, summaryUnitMismatch } from '../summary/diagnostics.js';
import { sourceNotAFile, sourceOutside, sourceTooLarge, sourceUnreadable } from '../source/read.js';
import { yamlDuplicateKey, yamlSyntax } from '../source/yaml.js';
import { templateNotAValue, templateUnknownHelper, templateUnknownPath, templateUnsupported } from '../template/check-paths.js';
import { templateError, templateHelperError, templateSyntax, templateTooLarge } from '../template/render.js';

/**
 * Every diagnostic id a user can meet, each declared beside the code that raises it, in the
 * order docs/rules.md lists them within their categories: the one registry of ids, for the docs,
 * SARIF's rule list, `rules:` in lawreport.yaml and the severities the pipeline applies.
 */
export const DIAGNOSTICS: readonly DiagnosticMeta[] = [
  // load
  noConfig, yamlSyntax, yamlDuplicateKey, yamlNotMapping, sourceEncoding, sourceOutside, sourceUnreadable, sourceNotAFile, sourceTooLarge, controlCharacter, frontMatterError, numberUnsafe,
  // schema
  configSchema, dateInvalid, outputOutside, configRuleOptions, profileNotFound, profileSchema, profileRef, profileDuplicateId, profileMetricUnknown, catalogNotFound, catalogInvalid, previousNotFound, catalogSchema,
  // template
  templateSyntax, templateUnknownPath, templateUnknownHelper, templateNotAValue, templateUnsupported, templateTooLarge, templateHelperError, templateError,
  // markdown
  markdownTooLarge, markdownTooComplex, markdownTooDeep, htmlUnclosed, htmlTooDeep, markdownDelimiters, htmlUnsupported, markdownUnsupported,
  // image
  imageMissing, imageRemote, imageOutside, imageUnreadable, imageTooMany,
  // summary (across the reports of a district)
  summaryDuplicateReport, summaryUnitMismatch,
]
  .map((d) => d.meta)
  .concat(
    rules.map((r) => r.meta),
    [
      // import (a published report into a folder)
      importUnreadable, importDocxUnsafe, importTooLarge, importDocxEncrypted, importEncoding, importNoChapters, importChaptersUnmarked,
      importNoYear, importYearConflict, importYearGuessed, importNoOrg, importOrgGuessed, importNoTitle, importNoDate, importNoSignature,
      importChapterUnmapped, importChapterThemed, importChapterHeading, importChapterSplit, importChapterMerged, importChapterMissing, importOwn,
    ].map((d) => d.meta),
  );

const byId = new Map(DIAGNOSTICS.map((m) => [m.id, m]));

export function diagnosticMeta(id: string): DiagnosticMeta | undefined {
  return byId.get(id);
}
