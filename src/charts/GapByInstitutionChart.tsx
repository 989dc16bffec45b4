/**
 * Beds short at each institution in the selected year, market and entitlement lenses side by side.
 * Bars run horizontally so that the institution codes read across at the right panel's width;
 * hovering shows the institution's full name and both gaps in the legend. Institutions outside
 * the 1996 criteria have no entitlement bar.
 */
import { useCallback, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import { useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import type { Lang, StringKey } from '../i18n/strings.ts';
import { gapByInstitution, gapData, gapStructureKey, gapSummary, gapTable } from '../viewmodel/chartSeries.ts';
import { UPlotChart, AXIS_FONT, AXIS_STROKE, GRID, TICKS, fitAxisSize, readOnlyCursor, type ChartOptions } from './UPlotChart.tsx';
import { ChartCard } from './ChartCard.tsx';
import { chartPng, exportFileName, type LegendItem } from './exportFiles.ts';

const MKT_COLOR = '#3d5a80';
const ENT_COLOR = '#c2412d';
const ROW_PX = 26;

const chartHeight = (n: number) => Math.max(160, n * ROW_PX + 58);

function legendItems(t: (k: StringKey) => string): LegendItem[] {
  return [
    { label: t('lensMarket'), color: MKT_COLOR, kind: 'box' },
    { label: t('lensEntitlement'), color: ENT_COLOR, kind: 'box' },
  ];
}

function buildOptions(codes: string[], names: string[], lang: Lang, t: (k: StringKey) => string): ChartOptions {
  const fmt = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? '–' : formatInt(lang, v));
  const bars = uPlot.paths.bars!;
  const barSeries = (label: string, color: string, align: -1 | 1, na: string): uPlot.Series => ({
    label, fill: color, stroke: color, width: 0, points: { show: false },
    paths: bars({ size: [0.38, 22], align }),
    value: (u, v, _si, idx) => (idx == null ? '–' : v == null ? na : fmt(v)),
  });
  return {
    series: [
      { label: t('institution'), value: (_u, _v, _si, idx) => (idx == null ? '–' : (names[idx] ?? '–')) },
      barSeries(t('lensMarket'), MKT_COLOR, -1, t('notApplicable')),
      barSeries(t('lensEntitlement'), ENT_COLOR, 1, t('notApplicable')),
    ],
    legend: { live: true },
    cursor: {
      ...readOnlyCursor(),
      y: false,
      // The x cursor runs across the plot here (institutions are vertical); snapped to the hovered
      // institution's row and drawn as a light band by charts.css.
      move: (u, left, top) => {
        const n = u.data[0].length;
        if (top < 0 || left < 0 || n === 0) return [left, top];
        return [left, Math.round(u.valToPos(u.posToIdx(top), 'x'))];
      },
    },
    scales: {
      // Institutions down the side, first at the top; gaps along the bottom, always including 0.
      x: { time: false, ori: 1, dir: -1, range: () => [-0.5, codes.length - 0.5] },
      y: {
        ori: 0, dir: 1,
        range: (_u, min, max) => {
          const lo = Math.min(0, min ?? 0), hi = Math.max(0, max ?? 0);
          const pad = (hi - lo) * 0.06;
          // All gaps zero (or no data): still a scale around 0 rather than an empty one.
          if (pad === 0) return [-1, 1];
          return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
        },
      },
    },
    axes: [
      {
        scale: 'x', side: 3, font: AXIS_FONT, stroke: AXIS_STROKE, grid: { show: false }, ticks: { show: false }, size: fitAxisSize, gap: 4,
        splits: () => codes.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => codes[i] ?? ''),
      },
      {
        scale: 'y', side: 2, font: AXIS_FONT, stroke: AXIS_STROKE, grid: GRID, ticks: TICKS, size: 24, space: 50,
        values: (_u, splits) => splits.map((v) => formatInt(lang, v)),
        label: t('gapAxis'), labelFont: AXIS_FONT, labelSize: 16, labelGap: 0,
      },
    ],
    hooks: {
      // Zero line: bars to its right are beds short, to its left a surplus.
      draw: [(u) => {
        const x = Math.round(u.valToPos(0, 'y', true));
        const { top, height } = u.bbox;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#1d2733';
        ctx.lineWidth = Math.max(1, uPlot.pxRatio);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
        ctx.restore();
      }],
    },
  };
}

export function GapByInstitutionChart() {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const results = useApp((s) => s.results);
  const year = useApp((s) => s.view.year);

  const gap = useMemo(() => (results ? gapByInstitution(results, year, lang) : null), [results, year, lang]);
  const data = useMemo(() => (gap ? (gapData(gap) as uPlot.AlignedData) : null), [gap]);
  const table = useMemo(() => (gap ? gapTable(gap, lang) : null), [gap, lang]);
  const chartRef = useRef<uPlot | null>(null);
  const onChart = useCallback((u: uPlot | null) => { chartRef.current = u; }, []);

  const key = gap ? gapStructureKey(gap, lang) : '';
  const options = useMemo(() => (gap ? buildOptions(gap.codes, gap.names, lang, t) : null),
    // Rebuilt only for another language or another list of institutions; new numbers go through setData.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key]);

  if (!gap || !data || !table || !options) return null;

  const title = t('chartGapByInstitution', { year: formatAcademicYear(gap.year) });
  const makePng = () => {
    const u = chartRef.current;
    if (!u) return Promise.reject(new Error('no chart'));
    return chartPng(u.ctx.canvas, u.width, title, legendItems(t));
  };

  return (
    <ChartCard
      title={title}
      table={table}
      csvName={exportFileName(['gap-by-institution', gap.year], 'csv')}
      pngName={exportFileName(['gap-by-institution', gap.year], 'png')}
      makePng={makePng}
    >
      <UPlotChart className="gap-chart" options={options} data={data} height={chartHeight(gap.codes.length)} ariaLabel={gapSummary(gap, lang, (v) => formatInt(lang, v))} onChart={onChart} />
    </ChartCard>
  );
}
