/*
 * A chart of the summary page as plain data: what charts.ts needs to draw it, and nothing that
 * cannot cross to a worker thread as a message. The page lays out its charts as specs first and
 * has them drawn afterwards, by this thread or by a batch's workers (src/cli/batch/chart-workers.ts),
 * which must not need ECharts to know what to draw.
 */

export interface Bar {
  label: string;
  value: number;
  /** Drawn paler: a figure lawreport computed, or a report that fails. */
  muted?: boolean;
}

export interface GridState {
  label: string;
  color: string;
}

export type ChartSpec =
  | { kind: 'bar'; title: string; bars: Bar[]; percent?: boolean; reference?: { value: number; label: string } }
  | { kind: 'grid'; title: string; rows: string[]; columns: string[]; states: GridState[]; cells: [number, number, number][] };

/** Draws charts: their SVG in the specs' order. */
export type ChartDrawer = (specs: readonly ChartSpec[]) => Promise<string[]>;

/** A rough measure of what drawing a chart costs, for sharing charts out evenly: ECharts' time follows the rows it lays out. */
export function chartCost(spec: ChartSpec): number {
  return 20 + (spec.kind === 'bar' ? spec.bars.length : spec.rows.length * 2);
}
