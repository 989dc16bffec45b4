/**
 * The map's legend and layer toggles: one checkbox per layer (its accessible name is the layer's
 * name), a swatch for each, the conversion statuses, the district gap scale, and — when a campus
 * is selected — what the gravity lines mean.
 */
import { useState, type CSSProperties } from 'react';
import { appStore, useApp, type LayerId } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import type { StringKey } from '../i18n/strings.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import { CONVERSION_STATUSES } from '../viewmodel/mapFeatures.ts';
import type { InstitutionFlows } from '../viewmodel/gravityFlows.ts';
import { COLOURS, GAP_GRADIENT_CSS } from './layerStyles.ts';

const LEGEND_LAYERS: { id: LayerId; label: StringKey }[] = [
  { id: 'campuses', label: 'layerCampuses' },
  { id: 'existing', label: 'layerExisting' },
  { id: 'pipeline', label: 'layerPipeline' },
  { id: 'conversions', label: 'layerConversions' },
  { id: 'landSale', label: 'layerLandSale' },
  { id: 'universityTown', label: 'layerUniversityTown' },
  { id: 'youthHostels', label: 'layerYouthHostels' },
  { id: 'districtGap', label: 'layerDistrictGap' },
];

const STATUS_LABEL: Record<string, StringKey> = {
  candidate: 'statusCandidate',
  converting: 'statusConverting',
  open: 'statusOpen',
  reverted: 'statusReverted',
};

function Swatch({ id }: { id: LayerId }) {
  let style: CSSProperties;
  switch (id) {
    case 'campuses': style = { background: `${COLOURS.campus}55`, borderColor: COLOURS.campus, width: 14, height: 14 }; break;
    case 'existing': style = { background: COLOURS.existing, borderColor: COLOURS.existing }; break;
    case 'pipeline': style = { background: COLOURS.pipeline, borderColor: COLOURS.pipeline }; break;
    case 'conversions': style = { background: COLOURS.status.open, borderColor: '#fff' }; break;
    case 'landSale': style = { background: COLOURS.landSale, borderColor: COLOURS.landSale }; break;
    case 'youthHostels': style = { background: COLOURS.youthHostels, borderColor: COLOURS.youthHostels }; break;
    case 'universityTown':
      style = { background: `${COLOURS.universityTown}44`, border: `2px dashed ${COLOURS.universityTown}`, borderRadius: 2, width: 16, height: 12 };
      break;
    case 'districtGap':
      style = { background: GAP_GRADIENT_CSS, borderRadius: 2, width: 16, height: 12, borderColor: '#bbb' };
      break;
  }
  return <span className="hp-swatch" style={style} aria-hidden="true" />;
}

export interface MapLegendProps {
  year: number;
  gapMax: number;
  flows: InstitutionFlows | null;
}

export function MapLegend({ year, gapMax, flows }: MapLegendProps) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const layers = useApp((s) => s.view.layers);
  const data = useApp((s) => s.data);
  const [open, setOpen] = useState(true);
  const toggle = (id: LayerId) => appStore.getState().toggleLayer(id);
  const inst = flows ? data?.institutions.find((i) => i.code === flows.code) : undefined;
  const instName = inst ? (lang === 'zh-HK' ? inst.nameZh : inst.nameEn) : '';

  return (
    <section className={`hp-legend${open ? '' : ' hp-legend-closed'}`} data-testid="map-legend" aria-label={t('legend')}>
      <div className="hp-legend-head">
        <button type="button" className="hp-icon-btn" aria-expanded={open} aria-label={open ? t('hideLegend') : t('showLegend')} onClick={() => setOpen(!open)}>
          {open ? '−' : '+'}
        </button>
        <h2>{t('layers')}</h2>
      </div>
      {open && (
        <>
          <ul className="hp-legend-list">
            {LEGEND_LAYERS.map(({ id, label }) => (
              <li key={id}>
                <label className="hp-legend-row">
                  <input type="checkbox" checked={layers[id]} onChange={() => toggle(id)} data-testid={`layer-toggle-${id}`} />
                  <Swatch id={id} />
                  <span>{t(label)}</span>
                </label>
                {id === 'conversions' && layers.conversions && (
                  <ul className="hp-legend-sub">
                    {CONVERSION_STATUSES.map((s) => (
                      <li key={s}>
                        <span
                          className="hp-swatch hp-swatch-sm"
                          aria-hidden="true"
                          style={s === 'reverted'
                            ? { background: '#fff', borderColor: COLOURS.status.reverted, borderWidth: 2 }
                            : { background: COLOURS.status[s], borderColor: '#fff', opacity: s === 'candidate' ? 0.7 : 1 }}
                        />
                        {t(STATUS_LABEL[s])}
                      </li>
                    ))}
                  </ul>
                )}
                {id === 'landSale' && layers.landSale && (
                  <ul className="hp-legend-sub">
                    <li>
                      <span className="hp-swatch hp-swatch-poly" aria-hidden="true" style={{ background: `${COLOURS.landSale}55`, border: `2px dashed ${COLOURS.drawnOutline}` }} />
                      {t('drawnSite')}
                    </li>
                  </ul>
                )}
                {id === 'universityTown' && layers.universityTown && (
                  <p className="hp-legend-note">{t('illustrativeOutline')}</p>
                )}
                {id === 'districtGap' && layers.districtGap && (
                  <div className="hp-gap-scale">
                    <span>{t('gapSurplus', { n: formatInt(lang, gapMax) })}</span>
                    <span className="hp-gap-bar" aria-hidden="true" style={{ background: GAP_GRADIENT_CSS }} />
                    <span>{t('gapShort', { n: formatInt(lang, gapMax) })}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <div className="hp-legend-foot">
            <p className="hp-legend-note">
              <span className="hp-swatch hp-swatch-sm" aria-hidden="true" style={{ background: '#fff', borderColor: COLOURS.pipeline, borderWidth: 2 }} />
              {t('legendHollow')}
            </p>
            {flows && inst ? (
              <div className="hp-flows-note" data-testid="map-flows">
                <strong>{t('servedBy', { name: instName })}</strong>
                <p>
                  <span className="hp-swatch hp-swatch-line" aria-hidden="true" style={{ background: COLOURS.flow }} />
                  {t('legendFlows')}
                </p>
                <p>
                  <span className="hp-swatch hp-swatch-sm" aria-hidden="true" style={{ background: 'transparent', borderColor: COLOURS.owned, borderWidth: 3 }} />
                  {t('ownedHighlight')}
                </p>
                <p>
                  {t('flowSummary', { year: formatAcademicYear(year, lang), market: formatInt(lang, flows.marketBeds), owned: formatInt(lang, flows.ownedBeds) })}
                </p>
                <button type="button" className="hp-link-btn" onClick={() => appStore.getState().setView({ selectedInstitution: null })}>
                  {t('clearSelection')}
                </button>
              </div>
            ) : (
              layers.campuses && <p className="hp-legend-note">{t('clickCampusHint')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
