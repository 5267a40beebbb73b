import { withComputedRates } from '../rate.js';
import type { ReportConfig, ReportSource } from '../model.js';

export interface ReportFields {
  org: string;
  /** Empty while lawreport.yaml lacks the year (check reports that; nothing is built). */
  year: number | '';
  nextYear: number | '';
  /** 成文日期 as written in lawreport.yaml, "2025-02-10". */
  date: string;
  title: string;
  signature: string[];
}

export function reportFields(config: ReportConfig): ReportFields {
  const d = config.date;
  const year = config.unset.includes('year') ? '' : config.year;
  return {
    org: config.org,
    year,
    nextYear: year === '' ? '' : year + 1,
    date: config.unset.includes('date') ? '' : `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
    title: config.title ?? '',
    signature: config.signature,
  };
}

/**
 * The data every template sees: the figures of metrics.yaml at the top level
 * ({{disputes.mediated}}, rates it leaves out computed from their parts) and the report's own
 * fields under `report`.
 * Built on null-prototype objects: nothing is inherited for a template to reach.
 */
export function templateContext(source: Pick<ReportSource, 'metrics' | 'catalog' | 'config'>): Record<string, unknown> {
  const figures = withComputedRates(source.metrics, source.catalog.relations);
  return Object.assign(Object.create(null) as object, figures, { report: reportFields(source.config) });
}
