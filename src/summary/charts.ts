import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { SANS_FONT } from './fonts.js';
import { displayWidth } from './width.js';

// ECharts' server-side SVG renderer: the charts are drawn once, at build time, as inline SVG; the
// page carries no script. Only the pieces used here are registered (and bundled).
echarts.use([BarChart, HeatmapChart, GridComponent, MarkLineComponent, TitleComponent, VisualMapComponent, SVGRenderer]);


/** Width of one small chart: three side by side on A4 landscape. */
export const CHART_WIDTH = 330;
const ROW = 18;
const BAR_COLOR = '#4e79a7';
/** Past this many bars a chart leaves out the value beside each bar (the table has them): labels are most of the drawing time. */
const MAX_VALUE_LABELS = 60;

/**
 * A report's name cut to what the axis has room for (`columns`: CJK characters count two), cut
 * here rather than by ECharts, whose text measuring costs more than the rest of a chart of 500 bars.
 */
export function fitLabel(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > columns - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function svg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: SANS_FONT, fontSize: 11 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts names the classes of its SVG with counters that run for the whole process (zr12-cls-30):
 * the same page would differ between runs of one process. Renamed per page, in order of appearance.
 */
export function stableClassNames(html: string): string {
  const names = new Map<string, string>();
  return html.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    let short = names.get(name);
    if (!short) names.set(name, (short = `c${names.size}`));
    return short;
  });
}

export interface Bar {
  label: string;
  value: number;
  /** Drawn paler: a figure lawreport computed, or a report that fails. */
  muted?: boolean;
}

/**
 * One figure across the reports as horizontal bars, largest first (reports that do not give it are
 * left out, never drawn as 0). `reference`: a line across, the district's rate for a rate.
 */
export function barChart(title: string, bars: readonly Bar[], options: { percent?: boolean; reference?: { value: number; label: string } } = {}): string {
  const sorted = [...bars].sort((a, b) => b.value - a.value);
  const height = 56 + ROW * Math.max(sorted.length, 1);
  const labelWidth = 96; // 16 columns of 10 px type
  return svg(
    {
      title: { text: title, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: 'bold', fontFamily: SANS_FONT } },
      grid: { left: labelWidth + 8, right: 44, top: 30, bottom: 22 },
      xAxis: { type: 'value', ...(options.percent ? { max: 100, min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10) } : {}), axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#e5e5e5' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: sorted.map((b) => fitLabel(b.label, 16)),
        axisTick: { show: false },
        axisLabel: { fontSize: 10 },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 12,
          data: sorted.map((b) => ({ value: b.value, itemStyle: { color: BAR_COLOR, opacity: b.muted ? 0.45 : 1 } })),
          label: { show: sorted.length <= MAX_VALUE_LABELS, position: 'right', fontSize: 9, color: '#333' },
          ...(options.reference
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  data: [{ xAxis: options.reference.value }],
                  lineStyle: { color: '#c0392b', type: 'dashed', width: 1.5 },
                  label: { formatter: options.reference.label, position: 'start', color: '#c0392b', fontSize: 10 },
                },
              }
            : {}),
        },
      ],
    },
    CHART_WIDTH,
    height,
  );
}

export interface GridState {
  label: string;
  color: string;
}

/**
 * The compliance matrix: a row per report, a column per outline chapter, each cell coloured by
 * the chapter's state (`states` in legend order; `cells` hold [column, row, state index]).
 */
export function gridChart(title: string, rows: readonly string[], columns: readonly string[], states: readonly GridState[], cells: readonly [number, number, number][]): string {
  const width = Math.max(CHART_WIDTH * 2, 140 + 84 * columns.length);
  const height = 84 + ROW * rows.length;
  return svg(
    {
      title: { text: title, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: 'bold', fontFamily: SANS_FONT } },
      grid: { left: 128, right: 8, top: 46, bottom: 30 },
      xAxis: { type: 'category', position: 'top', data: columns.map((c) => fitLabel(c, 16)), axisTick: { show: false }, axisLabel: { fontSize: 10, interval: 0 }, splitArea: { show: false } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => fitLabel(r, 22)), axisTick: { show: false }, axisLabel: { fontSize: 10 } },
      visualMap: {
        type: 'piecewise',
        dimension: 2,
        orient: 'horizontal',
        bottom: 0,
        left: 0,
        itemWidth: 12,
        itemHeight: 10,
        textStyle: { fontSize: 10 },
        pieces: states.map((s, i) => ({ value: i, label: s.label, color: s.color })),
      },
      series: [{ type: 'heatmap', data: cells.map((c) => [...c]), itemStyle: { borderColor: '#fff', borderWidth: 2 } }],
    },
    width,
    height,
  );
}
