/**
 * A thin React wrapper around one uPlot instance. The chart is built once per `options` object
 * (a new object only when the series themselves change, e.g. language or a band appearing) and
 * otherwise fed with setData — rebuilding on every model run would cost far more than the redraw.
 * Width follows the container through a ResizeObserver; the chart is destroyed on unmount.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

export interface UPlotChartProps {
  options: ChartOptions;
  data: uPlot.AlignedData;
  /** Height of plot + axes in CSS pixels (the legend comes on top of this). */
  height: number;
  /** Summary for screen readers; the container is an image to them (the data table carries the numbers). */
  ariaLabel: string;
  /** Receives the chart after it is built and null after it is destroyed. */
  onChart?: (u: uPlot | null) => void;
  /** Extra class on the container, for chart-specific CSS. */
  className?: string;
}

const MIN_WIDTH = 200;

export function UPlotChart({ options, data, height, ariaLabel, onChart, className }: UPlotChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  const heightRef = useRef(height);
  const onChartRef = useRef(onChart);

  // Declared before the build effect so that a rebuild in the same commit sees the newest data.
  useLayoutEffect(() => {
    dataRef.current = data;
    heightRef.current = height;
    onChartRef.current = onChart;
  });

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const width = Math.max(MIN_WIDTH, Math.floor(host.clientWidth));
    const u = new uPlot({ ...options, width, height: heightRef.current }, dataRef.current, host);
    chartRef.current = u;
    onChartRef.current?.(u);
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w >= MIN_WIDTH && w !== u.width) u.setSize({ width: w, height: heightRef.current });
    });
    ro.observe(host);
    return () => {
      ro.disconnect();
      onChartRef.current?.(null);
      chartRef.current = null;
      u.destroy();
    };
  }, [options]);

  useEffect(() => {
    const u = chartRef.current;
    if (u && u.data !== data) u.setData(data);
  }, [data]);

  useEffect(() => {
    const u = chartRef.current;
    if (u && u.height !== height) u.setSize({ width: u.width, height });
  }, [height]);

  return <div ref={hostRef} className={className ? `uplot-host ${className}` : 'uplot-host'} role="img" aria-label={ariaLabel} />;
}

// ---------------------------------------------------------------------------------------------
// Settings both charts share

export const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", "Noto Sans CJK HK", sans-serif';
export const AXIS_STROKE = '#5b6b7c';
export const GRID = { stroke: '#e6ebf1', width: 1 };
export const TICKS = { stroke: '#d5dde6', width: 1, size: 4 };

let measureCtx: CanvasRenderingContext2D | null = null;

/** Width in CSS pixels of `text` in AXIS_FONT. */
export function textWidth(text: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * 7;
  measureCtx.font = AXIS_FONT;
  return measureCtx.measureText(text).width;
}

/** Axis size that fits its widest value (uPlot's fixed 50 px clips "150,000" or wastes room). */
export const fitAxisSize: uPlot.Axis.Size = (_u, values) => {
  if (!values) return 40;
  return Math.ceil(Math.max(0, ...values.map((v) => textWidth(String(v ?? ''))))) + TICKS.size + 10;
};

/**
 * Cursor for charts that are read, not zoomed: no drag-zoom, no per-series hover dots (the legend
 * shows the values), and legend clicks do not hide series — hiding one stacked source would leave
 * the ones above it floating on a running total that still counts it.
 */
export function readOnlyCursor(): uPlot.Cursor {
  return {
    // uPlot swallows a click whose position moved since mousedown (a drag); with a snapping
    // cursor.move every click looks like one, so let all clicks through — nothing here zooms.
    drag: { x: false, y: false, setScale: false, click: () => {} },
    points: { show: false },
    bind: { click: () => null },
  };
}
