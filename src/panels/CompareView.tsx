/**
 * Compare two or more saved scenarios: total beds and market need of each, overlaid, and a table
 * of every headline figure and parameter, marking the ones that differ. Each scenario runs once
 * through the deterministic worker (results cached per scenario object).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import { useSession } from '../persist/session.ts';
import { compareChart, compareRows, type CompareInput } from '../viewmodel/compare.ts';
import { scenarioDisplayName } from '../viewmodel/scenarioNames.ts';
import { yearIndex } from '../viewmodel/chartSeries.ts';
import { UPlotChart, AXIS_FONT, AXIS_STROKE, GRID, TICKS, fitAxisSize, readOnlyCursor, type ChartOptions } from '../charts/UPlotChart.tsx';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import type { Results } from '../../workers/model/results.ts';
import type { SimClient } from '../sim/simClient.ts';
import { getSimClient } from '../boot.ts';
import { Modal } from './Modal.tsx';

/** Colour per compared scenario (colour-blind-safe Tableau 10 order). */
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#9c755f'];
const cache = new WeakMap<Scenario, Promise<Results>>();

/** The worker client started by boot.ts. */
function simClient(): SimClient | null {
  return getSimClient();
}

function run(s: Scenario): Promise<Results> {
  let p = cache.get(s);
  if (!p) {
    const client = simClient();
    p = client ? client.deterministic.deterministic(s, false) : Promise.reject(new Error('the model workers are not running'));
    cache.set(s, p);
    p.catch(() => cache.delete(s));
  }
  return p;
}

export default function CompareView({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const viewYear = useApp((s) => s.view.year);
  const library = useSession((s) => s.library);
  const entries = useMemo(() => library?.entries ?? [], [library]);
  const [chosen, setChosen] = useState<string[]>(() => entries.slice(-2).map((e) => e.id));
  const [onlyDiff, setOnlyDiff] = useState(false);
  const [done, setDone] = useState<Map<Scenario, Results>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const fieldsetId = useId();

  const picked = useMemo(() => entries.filter((e) => chosen.includes(e.id)), [entries, chosen]);
  useEffect(() => {
    let live = true;
    setError(null);
    for (const e of picked) {
      if (done.has(e.scenario)) continue;
      run(e.scenario).then(
        (r) => { if (live) setDone((m) => new Map(m).set(e.scenario, r)); },
        (err: unknown) => { if (live) setError((err as Error).message); },
      );
    }
    return () => { live = false; };
  }, [picked, done]);

  const inputs = useMemo((): CompareInput[] => picked.filter((e) => done.has(e.scenario))
    .map((e) => ({ id: e.id, name: scenarioDisplayName(e.scenario.name, lang), scenario: e.scenario, results: done.get(e.scenario)! })), [picked, done, lang]);
  const ready = picked.length >= 2 && inputs.length === picked.length;
  const chart = useMemo(() => (ready ? compareChart(inputs) : null), [ready, inputs]);
  const year = chart ? chart.years[yearIndex(chart.years, viewYear)] : viewYear;
  const rows = useMemo(() => (ready ? compareRows(inputs, lang, year) : []), [ready, inputs, lang, year]);

  const options = useMemo((): ChartOptions | null => {
    if (!chart) return null;
    const fmt = (v: number | null) => (v == null ? '–' : formatInt(lang, v));
    const series: uPlot.Series[] = [{ label: t('year'), value: (_u, v) => (v == null ? '–' : formatAcademicYear(v)) }];
    inputs.forEach((c, k) => {
      const color = COLORS[k % COLORS.length];
      series.push({ label: t('cmpBedsOf', { name: c.name }), stroke: color, width: 2, points: { show: false }, value: (_u, v) => fmt(v) });
      series.push({ label: t('cmpNeedOf', { name: c.name }), stroke: color, width: 1.5, dash: [6, 4], points: { show: false }, value: (_u, v) => fmt(v) });
    });
    return {
      series,
      scales: { x: { time: false } },
      cursor: readOnlyCursor(),
      legend: { show: false }, // the legend is drawn below in React: scenario names are the user's text
      axes: [
        { stroke: AXIS_STROKE, font: AXIS_FONT, grid: GRID, ticks: TICKS, values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? formatAcademicYear(v) : '')) },
        { stroke: AXIS_STROKE, font: AXIS_FONT, grid: GRID, ticks: TICKS, size: fitAxisSize, values: (_u, vals) => vals.map((v) => formatInt(lang, v)) },
      ],
    };
  }, [chart, inputs, lang, t]);

  const plotData = useMemo(() => (chart ? ([chart.years, ...chart.beds.flatMap((b, k) => [b, chart.need[k]])] as uPlot.AlignedData) : null), [chart]);
  const shown = onlyDiff ? rows.filter((r) => r.differs) : rows;
  const sections: { key: 'headline' | 'edits' | 'param'; label: string }[] = [
    { key: 'headline', label: t('headline') }, { key: 'edits', label: t('cmpEdits') }, { key: 'param', label: t('parameters') },
  ];

  return (
    <Modal title={t('cmpTitle')} onClose={onClose} className="compare-view">
      <fieldset className="cmp-choose" aria-describedby={fieldsetId}>
        <legend>{t('cmpChoose')}</legend>
        {entries.map((e) => (
          <label key={e.id} className="cmp-option">
            <input
              type="checkbox" checked={chosen.includes(e.id)}
              onChange={(ev) => setChosen((c) => (ev.target.checked ? [...c, e.id] : c.filter((x) => x !== e.id)))}
            />
            <span data-i18n-exempt="">{scenarioDisplayName(e.scenario.name, lang)}</span>
          </label>
        ))}
        <p id={fieldsetId} className="muted small">{entries.length < 2 ? t('cmpNeedMore') : t('cmpHint')}</p>
      </fieldset>
      {error && <p className="error" role="alert">{t('cmpError')} <span lang="en" data-i18n-exempt="">{error}</span></p>}
      {picked.length >= 2 && !ready && !error && <p role="status">{t('cmpRunning')}</p>}
      {ready && options && plotData && (
        <>
          <h3>{t('cmpChart')}</h3>
          <UPlotChart options={options} data={plotData} height={260} ariaLabel={t('cmpChartAria', { n: inputs.length, year: formatAcademicYear(year) })} className="cmp-chart" />
          <ul className="cmp-legend">
            {inputs.map((c, k) => (
              <li key={c.id}><span className="cmp-swatch" style={{ background: COLORS[k % COLORS.length] }} aria-hidden="true" /><span data-i18n-exempt="">{c.name}</span></li>
            ))}
          </ul>
          <p className="muted small">{t('cmpChartHint')}</p>
          <label className="cmp-only-diff">
            <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> {t('cmpOnlyDiff')}
          </label>
          <div className="table-scroll">
            <table className="cmp-table">
              <caption>{t('cmpTable', { year: formatAcademicYear(year) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cmpItem')}</th>
                  {inputs.map((c, k) => (
                    <th scope="col" key={c.id}><span className="cmp-swatch" style={{ background: COLORS[k % COLORS.length] }} aria-hidden="true" /><span data-i18n-exempt="">{c.name}</span></th>
                  ))}
                </tr>
              </thead>
              {sections.map((sec) => {
                const rs = shown.filter((r) => r.section === sec.key);
                if (!rs.length) return null;
                return (
                  <tbody key={sec.key}>
                    <tr className="cmp-section"><th scope="colgroup" colSpan={inputs.length + 1}>{sec.label}</th></tr>
                    {rs.map((r) => (
                      <tr key={r.key} className={r.differs ? 'cmp-differs' : undefined} data-key={r.key}>
                        <th scope="row">{r.label}{r.differs && <span className="visually-hidden"> ({t('cmpDiffers')})</span>}</th>
                        {r.values.map((v, k) => <td key={k} className="num">{v}</td>)}
                      </tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </div>
          {onlyDiff && shown.length === 0 && <p className="muted">{t('cmpSame')}</p>}
        </>
      )}
    </Modal>
  );
}
