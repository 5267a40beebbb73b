import { chapterStatuses, type ChapterStatus } from '../check/chapter-status.js';
import { countBySeverity, relocate, type Diagnostic, type Lang, type Location, type Severity } from '../diagnostics/diagnostic.js';
import { summaryFigures, type SummaryFigure } from './figures.js';
import { CONFIG_FILE } from '../load/report.js';
import type { ReportDate, ReportSource } from '../model.js';
import { positionOf } from '../source/yaml.js';

/**
 * One report as the district summary sees it: who and which year, passed or not, each outline
 * chapter's state, its figures and its diagnostics. Plain data, made where the report was checked
 * (a batch worker) and posted to the thread that writes the summary.
 */
export interface ReportRecord {
  /** The folder as the user named it, relative to where they ran the command. */
  folder: string;
  /** Undefined where lawreport.yaml could not be read or lacks the key. */
  org?: string;
  year?: number;
  date?: ReportDate;
  profile?: { id: string; name: string };
  passed: boolean;
  counts: Record<Severity, number>;
  /** Why the report could not be read at all: the problem that stopped loading, or a missing folder. */
  failure?: string;
  /** Rules with errors (and warnings under --strict), the ones that fail the report. */
  failingRules: string[];
  /** Empty when the report could not be read. */
  chapters: ChapterStatus[];
  figures: SummaryFigure[];
  /** Where lawreport.yaml names the body and the local catalog, for warnings about several reports. */
  orgAt?: Location;
  catalogAt?: Location;
  /** Its diagnostics, paths as seen from where the command ran. */
  diagnostics: Diagnostic[];
}

export interface RecordOptions {
  lang: Lang;
  /** Warnings fail the report too. */
  strict?: boolean;
  /** A report-relative path as the reader opens it (the folder joined in front). */
  file: (path: string) => string;
}

/** The record of a report that was checked: `source` is undefined when it could not be loaded. */
export function reportRecord(folder: string, checked: { source?: ReportSource; diagnostics: readonly Diagnostic[] }, options: RecordOptions): ReportRecord {
  const { source } = checked;
  const diagnostics = checked.diagnostics.map((d) => relocate(d, options.file));
  const counts = countBySeverity(diagnostics);
  const passed = Boolean(source) && counts.error === 0 && !(options.strict && counts.warning > 0);
  const failingRules = [...new Set(diagnostics.filter((d) => d.severity === 'error' || (options.strict && d.severity === 'warning')).map((d) => d.ruleId))].sort();
  const base = { folder, passed, counts, failingRules, diagnostics };
  if (!source) {
    const first = diagnostics.find((d) => d.severity === 'error');
    const where = first ? [first.file, first.line, first.column].filter((x) => x !== undefined).join(':') : options.file(CONFIG_FILE);
    return { ...base, failure: first ? `${where} ${first.message[options.lang]}` : where, chapters: [], figures: [] };
  }
  const { config, configDoc } = source;
  const configFile = options.file(CONFIG_FILE);
  const year = config.unset.includes('year') || !Number.isInteger(config.year) ? undefined : config.year;
  return {
    ...base,
    ...(config.org && !config.unset.includes('org') ? { org: config.org } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(config.unset.includes('date') ? {} : { date: config.date }),
    profile: { id: source.profile.id, name: source.profile.name },
    chapters: chapterStatuses(source).map((c) => ({ ...c, files: c.files.map(options.file), ...(c.section ? { section: { ...c.section, file: options.file(c.section.file) } } : {}) })),
    figures: summaryFigures(source),
    orgAt: { file: configFile, ...positionOf(configDoc, '/org', 'value') },
    ...(config.catalog ? { catalogAt: { file: configFile, ...positionOf(configDoc, '/catalog', 'value') } } : {}),
  };
}

/** A folder that could not be checked at all (missing, not a folder): a row carrying why, never a missing row. */
export function failedRecord(folder: string, failure: string): ReportRecord {
  return { folder, passed: false, counts: { error: 0, warning: 0, info: 0 }, failure, failingRules: [], chapters: [], figures: [], diagnostics: [] };
}
