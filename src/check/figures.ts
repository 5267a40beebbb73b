import { loc, type Localized, type RelatedLocation } from '../diagnostics/diagnostic.js';
import { METRICS_FILE } from '../load/report.js';
import { pointerEscape, positionOf, type YamlDocument } from '../source/yaml.js';
import type { MetricDef } from '../model.js';
import type { RuleSource } from './rule.js';

/** A figure of metrics.yaml with where it is written. */
export interface Figure {
  path: string;
  value: number;
  /** The number as written in the YAML ("94.50" keeps its places). */
  written: string;
  def?: MetricDef;
  file: string;
  line: number;
  column: number;
}

/** The number at `path` ("disputes.mediated") in a metrics mapping, if it is one. */
export function valueAt(metrics: Record<string, unknown>, path: string): number | undefined {
  let node: unknown = metrics;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}

export function figureIn(metrics: Record<string, unknown>, doc: YamlDocument | undefined, path: string, def?: MetricDef, file = METRICS_FILE): Figure | undefined {
  const value = valueAt(metrics, path);
  if (value === undefined) return undefined;
  const pointer = '/' + path.split('.').map(pointerEscape).join('/');
  const at = doc ? positionOf(doc, pointer, 'value') : { line: 1, column: 1 };
  const span = doc?.spans.get(pointer);
  const written = (span && /^[+-]?\d+(?:\.\d+)?/.exec(doc!.text.slice(span.valueStart))?.[0]) || String(value);
  return { path, value, written, def, file, ...at };
}

/** A figure of this year's metrics.yaml. */
export function figure(source: RuleSource, path: string): Figure | undefined {
  return figureIn(source.metrics, source.metricsDoc, path, source.catalog.byPath.get(path));
}

/** "调解成功（disputes.mediated）" in Chinese, the path alone in English. */
export function named(f: { path: string; def?: MetricDef }): Localized {
  return loc(f.def ? `${f.def.label}（${f.path}）` : f.path, f.path);
}

export function relatedTo(f: Figure, role: Localized = loc('', '')): RelatedLocation {
  const n = named(f);
  return { file: f.file, line: f.line, column: f.column, message: loc(`${role.zh}${n.zh} = ${f.value}`, `${role.en}${n.en} = ${f.value}`) };
}

/** Decimal places a number is written with ("94.5" → 1). */
export function decimalsOf(written: string): number {
  const dot = written.indexOf('.');
  return dot < 0 ? 0 : written.length - dot - 1;
}

/**
 * Whether a stated rate agrees with part/whole × 100 when rounded to `digits` places
 * (at least the places it is written with): 94.5 for 52/55 holds at 1 place, 95 does not.
 */
export function rateHolds(stated: number, exact: number, digits: number): boolean {
  return Math.abs(stated - exact) <= 0.5 * 10 ** -digits + 1e-9;
}
