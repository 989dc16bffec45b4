/**
 * The printable report: the scenario's headline figures, the charts and the map as images, every
 * assumption with its source, and the user's drawn sites — shown over the app and printed with the
 * browser (a print stylesheet hides everything else). Images are read from the live canvases
 * (uPlot charts, and the map, which keeps its drawing buffer for this, with the labels the page
 * draws over it: ../map/mapImage.ts).
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useApp, selectFreshPercentiles } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt, formatPct } from '../i18n/format.ts';
import { SOURCE_KEYS } from '../../workers/model/data/schema.ts';
import { headline } from '../viewmodel/headline.ts';
import { SOURCE_LABEL } from '../viewmodel/chartSeries.ts';
import { assumptionRows, drawnSiteRows } from '../viewmodel/report.ts';
import { scenarioDisplayName } from '../viewmodel/scenarioNames.ts';
import { DATA_ATTRIBUTIONS } from '../map/attribution.ts';
import { mapImageWithLabels } from '../map/mapImage.ts';
import './scenarios.css';

interface Snapshot {
  charts: { title: string; src: string }[];
  map: string | null;
  at: Date;
}

/** Each chart card's canvas as a PNG data URL, with the card's heading as its title. */
function chartImages(): Snapshot['charts'] {
  const out: Snapshot['charts'] = [];
  document.querySelectorAll<HTMLElement>('.panel-right .chart-card').forEach((card) => {
    const canvas = card.querySelector<HTMLCanvasElement>('canvas');
    if (!canvas) return;
    try {
      out.push({ title: card.querySelector('h2')?.textContent ?? '', src: canvas.toDataURL('image/png') });
    } catch { /* a tainted canvas cannot be read; leave it out */ }
  });
  return out;
}

function mapImage(): string | null {
  const map = (window as unknown as { __map?: { getCanvas(): HTMLCanvasElement; getContainer(): HTMLElement } }).__map;
  return map ? mapImageWithLabels(map) : null;
}

export function ReportButton() {
  const t = useT();
  const [snap, setSnap] = useState<Snapshot | null>(null);
  return (
    <>
      <button type="button" onClick={() => setSnap({ charts: chartImages(), map: mapImage(), at: new Date() })}>{t('report')}</button>
      {snap && createPortal(<Report snap={snap} onClose={() => setSnap(null)} />, document.body)}
    </>
  );
}

function Report({ snap, onClose }: { snap: Snapshot; onClose: () => void }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const scenario = useApp((s) => s.scenario);
  const results = useApp((s) => s.results);
  const year = useApp((s) => s.view.year);
  const percentiles = useApp(selectFreshPercentiles);
  const h = results ? headline(results, year, percentiles) : null;
  const assumptions = assumptionRows(scenario, lang);
  const drawn = drawnSiteRows(scenario, lang);
  const edits = Object.keys(scenario.sites).length;

  useEffect(() => {
    document.body.classList.add('printing-report');
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => { document.body.classList.remove('printing-report'); window.removeEventListener('keydown', onKey); };
  }, [onClose]);

  const gap = (v: number) => (v < 0 ? `${t('surplus')} ${formatInt(lang, -v)}` : formatInt(lang, v));
  const date = snap.at.toLocaleDateString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { year: 'numeric', month: 'long', day: 'numeric' });

  return (
    <div className="print-report" role="dialog" aria-modal="true" aria-labelledby="report-title" lang={lang}>
      <div className="report-bar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{t('reportPrint')}</button>
        <button type="button" onClick={onClose}>{t('close')}</button>
      </div>
      <article className="report-page">
        <h1 id="report-title">{t('reportTitle')}: <span data-i18n-exempt="">{scenarioDisplayName(scenario.name, lang)}</span></h1>
        <p className="muted">{t('reportGenerated', { date })}</p>
        {scenario.description && <p data-i18n-exempt="">{scenario.description}</p>}

        <h2>{t('reportSummary')}</h2>
        {h ? (
          <table className="report-table">
            <thead><tr><td /><th scope="col">{t('lensMarket')}</th><th scope="col">{t('lensEntitlement')}</th></tr></thead>
            <tbody>
              <tr><th scope="row">{t('gapInYear', { year: formatAcademicYear(h.year) })}</th><td className="num">{gap(h.gapMarket)}</td><td className="num">{gap(h.gapEntitlement)}</td></tr>
              {h.bandMarket && h.bandEntitlement && (
                <tr><th scope="row">{t('band')}</th>
                  <td className="num">{gap(h.bandMarket[0])} – {gap(h.bandMarket[1])}</td>
                  <td className="num">{gap(h.bandEntitlement[0])} – {gap(h.bandEntitlement[1])}</td></tr>
              )}
              {h.closesP50 && (
                <tr><th scope="row">{t('gapClosesP50')}</th>
                  {(['market', 'entitlement'] as const).map((l) => <td key={l}>{h.closesP50![l] === null ? t('notWithinHorizon', { year: formatAcademicYear(h.lastYear) }) : formatAcademicYear(h.closesP50![l]!)}</td>)}</tr>
              )}
              {h.pClosedBy && (
                <tr><th scope="row">{t('probClosedBy', { year: formatAcademicYear(h.pClosedBy.year) })}</th>
                  <td className="num">{formatPct(lang, h.pClosedBy.market)}</td><td className="num">{formatPct(lang, h.pClosedBy.entitlement)}</td></tr>
              )}
            </tbody>
          </table>
        ) : <p className="muted">{t('running')}</p>}
        {h && (
          <table className="report-table">
            <caption>{t('bedsAddedBySource', { from: formatAcademicYear(h.firstYear), to: formatAcademicYear(h.year) })}</caption>
            <tbody>
              {SOURCE_KEYS.map((k) => <tr key={k}><th scope="row">{t(SOURCE_LABEL[k])}</th><td className="num">{formatInt(lang, h.addedBySource[k])}</td></tr>)}
            </tbody>
          </table>
        )}
        {!h?.closesP50 && <p className="muted small">{t('mcPending')}</p>}

        <h2>{t('reportCharts')}</h2>
        {snap.charts.length ? snap.charts.map((c, i) => (
          <figure key={i} className="report-figure">
            <img src={c.src} alt={c.title} />
            <figcaption>{c.title}</figcaption>
          </figure>
        )) : <p className="muted">{t('reportNoCharts')}</p>}

        <h2>{t('reportMap', { year: formatAcademicYear(year) })}</h2>
        {snap.map ? (
          <figure className="report-figure"><img src={snap.map} alt={t('reportMapAlt', { year: formatAcademicYear(year) })} /></figure>
        ) : <p className="muted">{t('reportNoMap')}</p>}

        <h2>{t('reportSites')}</h2>
        <p>{t('reportEdits', { n: edits, m: drawn.length })}</p>
        {drawn.length > 0 && (
          <table className="report-table">
            <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('areaM2')}</th><th scope="col">{t('bedsWhenOpen')}</th><th scope="col">{t('openYear')}</th></tr></thead>
            <tbody>{drawn.map((d) => <tr key={d.id}><td data-i18n-exempt="">{d.name}</td><td className="num">{d.area}</td><td className="num">{d.beds}</td><td>{d.openYear}</td></tr>)}</tbody>
          </table>
        )}

        <h2>{t('reportAssumptions')}</h2>
        <table className="report-table report-assumptions">
          <thead>
            <tr>
              <th scope="col">{t('reportParameter')}</th><th scope="col">{t('reportValue')}</th><th scope="col">{t('unit')}</th>
              <th scope="col">{t('reportDefault')}</th><th scope="col">{t('source')}</th>
            </tr>
          </thead>
          <tbody>
            {assumptions.map((a) => (
              <tr key={a.key} className={a.changed ? 'report-changed' : undefined}>
                <th scope="row"><span className="report-group">{a.group}</span> {a.label}</th>
                <td className="num">{a.value}{a.changed && <> <span className="badge-est">{t('reportChanged')}</span></>}</td>
                <td>{a.unit}</td>
                <td className="num">{a.defaultValue}</td>
                <td>
                  <span className={a.estimated ? 'badge-est' : 'badge-pub'}>{t(a.estimated ? 'estimated' : 'published')}</span>{' '}
                  <span lang="en" data-i18n-exempt="">{a.source}</span>
                  {a.url && <> {' '}<a href={a.url} target="_blank" rel="noopener noreferrer" data-i18n-exempt="">{a.url}</a></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>{t('attribution')}</h2>
        <ul className="report-attrib" lang="en" data-i18n-exempt="">
          {DATA_ATTRIBUTIONS.map((a) => <li key={a.id}>{a.text} ({a.licence})</li>)}
        </ul>
      </article>
    </div>
  );
}
