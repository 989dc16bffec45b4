/**
 * Headline figures for the selected year: the gap in both lenses (with the P10–P90 band once Monte
 * Carlo is done), the year each gap closes (P50), the probability it has closed by 2030/31, and
 * the beds each source adds. Numbers come from src/viewmodel/headline.ts.
 */
import { useMemo } from 'react';
import { useApp, selectFreshPercentiles } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt, formatPct } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { SOURCE_KEYS } from '../../workers/model/data/schema.ts';
import { headline } from '../viewmodel/headline.ts';
import { SOURCE_LABEL } from '../viewmodel/siteFacts.ts';
import './panels.css';

type Lens = 'market' | 'entitlement';
const LENSES: Lens[] = ['market', 'entitlement'];

export function Headline() {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const year = useApp((s) => s.view.year);
  const results = useApp((s) => s.results);
  // percentiles only count once the Monte Carlo of the current run is done
  const percentiles = useApp(selectFreshPercentiles);
  const mcOff = useApp((s) => s.scenario.params.monteCarloDraws === 0);
  const h = useMemo(() => (results ? headline(results, year, percentiles) : null), [results, year, percentiles]);

  if (!h) {
    return (
      <section className="card headline" aria-labelledby="headline-title" aria-busy="true">
        <h2 id="headline-title">{t('headline')}</h2>
        <p className="muted">{t('running')}</p>
      </section>
    );
  }
  const gapText = (v: number) => (v < 0 ? `${t('surplus')} ${formatInt(lang, -v)}` : formatInt(lang, v));
  const gap = { market: h.gapMarket, entitlement: h.gapEntitlement };
  const band = { market: h.bandMarket, entitlement: h.bandEntitlement };
  const closes = (l: Lens) => {
    if (!h.closesP50) return '—';
    const y = h.closesP50[l];
    return y === null ? t('notWithinHorizon', { year: formatAcademicYear(h.lastYear) }) : formatAcademicYear(y);
  };
  const totalAdded = SOURCE_KEYS.reduce((a, k) => a + h.addedBySource[k], 0);
  return (
    <section className="card headline" aria-labelledby="headline-title">
      <h2 id="headline-title">{t('headline')}</h2>
      <table className="headline-table">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('lensMarket')}</th>
            <th scope="col">{t('lensEntitlement')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('gapInYear', { year: formatAcademicYear(h.year) })}</th>
            {LENSES.map((l) => (
              <td key={l} className={gap[l] > 0 ? 'gap-short' : 'gap-surplus'}>
                <span className="headline-number" data-testid={`headline-gap-${l}`} data-value={Math.round(gap[l])}>{gapText(gap[l])}</span>
                <BandText band={band[l]} gapText={gapText} />
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('gapClosesP50')}</th>
            {LENSES.map((l) => (
              <td key={l}>
                <span data-testid={`headline-closes-${l}`} data-value={h.closesP50 ? String(h.closesP50[l]) : ''}>{closes(l)}</span>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('probClosedBy', { year: formatAcademicYear(h.pClosedBy?.year ?? 2030) })}</th>
            {LENSES.map((l) => (
              <td key={l}>
                <span data-testid={`headline-p-closed-${l}`} data-value={h.pClosedBy ? h.pClosedBy[l] : ''}>{h.pClosedBy ? formatPct(lang, h.pClosedBy[l]) : '—'}</span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {!h.closesP50 && <p className="muted small">{t(mcOff ? 'mcOff' : 'mcPending')}</p>}

      <table className="added-table" data-testid="headline-added">
        <caption>{t('bedsAddedBySource', { from: formatAcademicYear(h.firstYear), to: formatAcademicYear(h.year) })}</caption>
        <tbody>
          {SOURCE_KEYS.map((k) => (
            <tr key={k} data-source={k}>
              <th scope="row">{t(SOURCE_LABEL[k])}</th>
              <td>{signed(lang, h.addedBySource[k])}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t('total')}</th>
            <td>{signed(lang, totalAdded)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

const signed = (lang: Lang, v: number) => (Math.round(v) > 0 ? `+${formatInt(lang, v)}` : formatInt(lang, v));

function BandText({ band, gapText }: { band: [number, number] | null; gapText: (v: number) => string }) {
  const t = useT();
  if (!band) return null;
  return <span className="band-text">{t('band')}: {gapText(band[0])} – {gapText(band[1])}</span>;
}
