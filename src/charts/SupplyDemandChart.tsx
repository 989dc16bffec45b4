/**
 * Beds by source, stacked, over the years against the students who need a bed in both lenses,
 * with the Monte Carlo P10–P90 of total beds and of market demand when they are ready. Hovering
 * shows the year's values in the legend (the selected year's when not hovering); a click picks
 * the year for the rest of the app, marked with a vertical line.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import { useApp, selectFreshPercentiles } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import type { Lang, StringKey } from '../i18n/strings.ts';
import type { SourceKey } from '../../workers/model/data/schema.ts';
import {
  SOURCE_LABEL, supplyDemandData, supplyDemandLayout, supplyDemandSeries, supplyDemandStructureKey,
  supplyDemandSummary, supplyDemandTable, yearIndex,
} from '../viewmodel/chartSeries.ts';
import { UPlotChart, AXIS_FONT, AXIS_STROKE, GRID, TICKS, fitAxisSize, readOnlyCursor, type ChartOptions } from './UPlotChart.tsx';
import { ChartCard } from './ChartCard.tsx';
import { chartPng, exportFileName, type LegendItem } from './exportFiles.ts';

const HEIGHT = 240;

const SOURCE_COLOR: Record<SourceKey, string> = {
  existing: '#9fb0c2',
  pipeline: '#4e79a7',
  conversion: '#f28e2b',
  landSale: '#59a14f',
  universityTown: '#b07aa1',
  youthHostel: '#e9c46a',
};
const SOURCE_FILL_ALPHA = 'cc';
const ENT_COLOR = '#b42318';
const MKT_COLOR = '#1d2733';
const SUPPLY_BAND_EDGE = '#1f4e79';
const SUPPLY_BAND_FILL = 'rgba(31, 78, 121, 0.20)';
const MKT_BAND_FILL = 'rgba(29, 39, 51, 0.13)';
const MKT_BAND_EDGE = '#5b6b7c';

/** Legend entries for the PNG, in the order of the chart's legend. */
function legendItems(sources: SourceKey[], hasBand: boolean, t: (k: StringKey) => string): LegendItem[] {
  return [
    ...sources.map((k): LegendItem => ({ label: t(SOURCE_LABEL[k]), color: SOURCE_COLOR[k], kind: 'box' })),
    ...(hasBand
      ? [
        { label: t('bandSupply'), color: SUPPLY_BAND_FILL, kind: 'box' } as LegendItem,
        { label: t('bandMarket'), color: MKT_BAND_FILL, kind: 'box' } as LegendItem,
      ]
      : []),
    { label: t('demandEntitlement'), color: ENT_COLOR, kind: 'line', dash: true },
    { label: t('demandMarket'), color: MKT_COLOR, kind: 'line' },
  ];
}

/**
 * The uPlot options for one set of series. Values shown in the legend are read back from the
 * chart's own data (a source's beds = its running total less the one below), so a setData never
 * leaves the legend behind; with no hovered point they show the selected year.
 */
function buildOptions(sources: SourceKey[], hasBand: boolean, lang: Lang, t: (k: StringKey) => string, selectedYear: { current: number }, pickYear: (y: number) => void): ChartOptions {
  const L = supplyDemandLayout(sources.length, hasBand);
  const idxOr = (u: uPlot, idx: number | null | undefined) => (idx == null ? yearIndex(u.data[0] as number[], selectedYear.current) : idx);
  const at = (u: uPlot, si: number, idx: number): number | null => (u.data[si]?.[idx] as number | null | undefined) ?? null;
  const fmt = (v: number | null) => (v == null || !Number.isFinite(v) ? '–' : formatInt(lang, v));

  const series: uPlot.Series[] = [
    { label: t('year'), value: (u, _v, _si, idx) => { const i = idxOr(u, idx); const y = at(u, 0, i); return y == null ? '–' : formatAcademicYear(y); } },
  ];
  sources.forEach((k, j) => {
    series.push({
      label: t(SOURCE_LABEL[k]),
      stroke: SOURCE_COLOR[k],
      fill: SOURCE_COLOR[k] + SOURCE_FILL_ALPHA,
      width: 1,
      points: { show: false },
      value: (u, _v, si, idx) => {
        const i = idxOr(u, idx);
        const top = at(u, si, i), below = j === 0 ? 0 : at(u, si - 1, i);
        return top == null || below == null ? '–' : fmt(top - below);
      },
    });
  });
  if (L.band) {
    const range = (lo: number) => (u: uPlot, _v: unknown, _si: number, idx: number | null) => {
      const i = idxOr(u, idx);
      return `${fmt(at(u, lo, i))}–${fmt(at(u, lo + 1, i))}`;
    };
    // The lower edges have no legend row of their own (hidden by CSS); the upper edge's row shows the range.
    series.push(
      { label: `${t('bandSupply')} P10`, class: 'legend-hidden', stroke: SUPPLY_BAND_EDGE, width: 1, dash: [3, 3], points: { show: false } },
      { label: t('bandSupply'), stroke: SUPPLY_BAND_EDGE, fill: SUPPLY_BAND_FILL, width: 1, dash: [3, 3], points: { show: false }, value: range(L.band.supplyLo) },
      { label: `${t('bandMarket')} P10`, class: 'legend-hidden', stroke: MKT_BAND_EDGE, width: 1, dash: [1, 3], points: { show: false } },
      { label: t('bandMarket'), stroke: MKT_BAND_EDGE, fill: MKT_BAND_FILL, width: 1, dash: [1, 3], points: { show: false }, value: range(L.band.marketLo) },
    );
  }
  const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
    label, stroke, width: 2, dash, points: { show: false },
    value: (u, _v, si, idx) => fmt(at(u, si, idxOr(u, idx))),
  });
  series.push(line(t('demandEntitlement'), ENT_COLOR, [6, 4]), line(t('demandMarket'), MKT_COLOR));

  // Each source fills down to the one below it; each band fills between its P90 and P10 lines.
  const bands: uPlot.Band[] = L.sources.slice(1).map((si, j) => ({ series: [si, L.sources[j]] }));
  if (L.band) bands.push({ series: [L.band.supplyHi, L.band.supplyLo] }, { series: [L.band.marketHi, L.band.marketLo] });

  return {
    series,
    bands,
    legend: { live: true },
    cursor: {
      ...readOnlyCursor(),
      y: false,
      // Snap the hover line to the nearest year: the values in the legend are that year's.
      move: (u, left, top) => {
        const xs = u.data[0];
        if (left < 0 || xs.length === 0) return [left, top];
        return [Math.round(u.valToPos(xs[u.posToIdx(left)], 'x')), top];
      },
    },
    scales: {
      x: { time: false, range: (_u, min, max) => (min === max ? [min - 0.5, max + 0.5] : [min, max]) },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.06 : 1] },
    },
    axes: [
      {
        font: AXIS_FONT, stroke: AXIS_STROKE, grid: { show: false }, ticks: TICKS, size: 30, space: 56, incrs: [1, 2, 5, 10, 20],
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? formatAcademicYear(v) : '')),
      },
      { font: AXIS_FONT, stroke: AXIS_STROKE, grid: GRID, ticks: TICKS, size: fitAxisSize, space: 28, values: (_u, splits) => splits.map((v) => formatInt(lang, v)) },
    ],
    hooks: {
      // The selected year: a dark vertical line across the plot.
      draw: [(u) => {
        const years = u.data[0] as number[];
        if (years.length === 0) return;
        const x = Math.round(u.valToPos(years[yearIndex(years, selectedYear.current)], 'x', true));
        const { top, height } = u.bbox;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#1d2733';
        ctx.lineWidth = Math.max(1, uPlot.pxRatio * 1.5);
        ctx.setLineDash([4 * uPlot.pxRatio, 3 * uPlot.pxRatio]);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
        ctx.restore();
      }],
      ready: [(u) => {
        u.over.addEventListener('click', () => {
          const idx = u.cursor.idx;
          const y = idx == null ? null : at(u, 0, idx);
          if (y != null) pickYear(y);
        });
      }],
    },
  };
}

export function SupplyDemandChart() {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const results = useApp((s) => s.results);
  const percentiles = useApp(selectFreshPercentiles);
  const year = useApp((s) => s.view.year);
  const setView = useApp((s) => s.setView);

  const series = useMemo(() => (results ? supplyDemandSeries(results, percentiles) : null), [results, percentiles]);
  const data = useMemo(() => (series ? (supplyDemandData(series) as uPlot.AlignedData) : null), [series]);
  const table = useMemo(() => (series ? supplyDemandTable(series, lang) : null), [series, lang]);

  // The draw hook reads the selected year from here; the effect below redraws when it changes.
  const selectedYear = useRef(year);
  const chartRef = useRef<uPlot | null>(null);
  const pickYear = useCallback((y: number) => setView({ year: y }), [setView]);

  const key = series ? supplyDemandStructureKey(series, lang) : '';
  const options = useMemo(() => {
    if (!series) return null;
    return buildOptions(series.sources, series.band !== null, lang, t, selectedYear, pickYear);
    // Rebuilt only when the set of series or the language changes; data changes go through setData.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pickYear]);

  useEffect(() => {
    selectedYear.current = year;
    const u = chartRef.current;
    if (u) {
      u.redraw(false, false);
      u.setLegend({});
    }
  }, [year]);

  const onChart = useCallback((u: uPlot | null) => { chartRef.current = u; }, []);

  if (!series || !data || !table || !options) return null;

  const title = t('chartSupplyDemand');
  const makePng = () => {
    const u = chartRef.current;
    if (!u) return Promise.reject(new Error('no chart'));
    return chartPng(u.ctx.canvas, u.width, title, legendItems(series.sources, series.band !== null, t));
  };

  return (
    <ChartCard
      title={title}
      hint={t('chartClickHint')}
      table={table}
      csvName={exportFileName(['beds-and-need', series.years[0], series.years[series.years.length - 1]], 'csv')}
      pngName={exportFileName(['beds-and-need', series.years[0], series.years[series.years.length - 1]], 'png')}
      makePng={makePng}
    >
      <UPlotChart
        options={options}
        data={data}
        height={HEIGHT}
        ariaLabel={supplyDemandSummary(series, year, lang, (v) => formatInt(lang, v))}
        onChart={onChart}
      />
    </ChartCard>
  );
}
