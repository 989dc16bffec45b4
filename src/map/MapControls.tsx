/**
 * Controls over the map: "Draw a site", the basemap settings (online style URL), the status
 * messages they give (non-blocking, role="status"), and the map-year slider.
 */
import { useEffect, useId, useState } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear } from '../i18n/format.ts';
import { isStyleUrl } from './onlineStyle.ts';

export type BasemapState = 'offline' | 'loading' | 'online' | 'failed';

export function MapToolbar({ basemapState, drawMessage }: { basemapState: BasemapState; drawMessage: string | null }) {
  const t = useT();
  const drawing = useApp((s) => s.view.drawing);
  const styleUrl = useApp((s) => s.view.onlineStyleUrl);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [draft, setDraft] = useState(styleUrl);
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const helpId = useId();
  const panelId = useId();
  useEffect(() => setDraft(styleUrl), [styleUrl]);

  const apply = () => {
    const url = draft.trim();
    if (url && !isStyleUrl(url)) { setInvalid(true); return; }
    setInvalid(false);
    appStore.getState().setView({ onlineStyleUrl: url });
  };

  const status =
    invalid ? t('onlineStyleInvalid')
    : basemapState === 'loading' ? t('onlineStyleLoading')
    : basemapState === 'failed' ? t('onlineStyleFailed')
    : null;

  return (
    <div className="hp-toolbar">
      <div className="hp-toolbar-row">
        <button
          type="button"
          className={`hp-btn${drawing ? ' hp-btn-active' : ''}`}
          aria-pressed={drawing}
          data-testid="draw-site"
          onClick={() => appStore.getState().setView({ drawing: !drawing })}
        >
          {t('drawSite')}
        </button>
        <button
          type="button"
          className="hp-btn"
          aria-expanded={settingsOpen}
          aria-controls={panelId}
          data-testid="map-settings"
          onClick={() => setSettingsOpen(!settingsOpen)}
        >
          {t('settings')}
        </button>
      </div>
      {drawing && <p className="hp-hint" role="status">{t('drawHint')}</p>}
      {settingsOpen && (
        <form
          id={panelId}
          className="hp-settings"
          onSubmit={(e) => { e.preventDefault(); apply(); }}
        >
          <label htmlFor={inputId}>{t('onlineStyleUrl')}</label>
          <input
            id={inputId}
            type="url"
            inputMode="url"
            spellCheck={false}
            placeholder="https://…/style.json"
            value={draft}
            aria-describedby={helpId}
            aria-invalid={invalid}
            onChange={(e) => setDraft(e.target.value)}
          />
          <p id={helpId} className="muted">{t('onlineStyleHelp')}</p>
          <div className="hp-toolbar-row">
            <button type="submit" className="hp-btn">{t('apply')}</button>
            <button
              type="button"
              className="hp-btn"
              disabled={!styleUrl}
              onClick={() => { setDraft(''); setInvalid(false); appStore.getState().setView({ onlineStyleUrl: '' }); }}
            >
              {t('useOfflineBasemap')}
            </button>
          </div>
          {basemapState === 'online' && <p className="muted">{t('onlineStyleActive')}</p>}
        </form>
      )}
      <div role="status" aria-live="polite" className="hp-messages" data-testid="map-message">
        {status && <p className={basemapState === 'failed' || invalid ? 'hp-msg hp-msg-warn' : 'hp-msg'}>{status}</p>}
        {drawMessage && <p className="hp-msg hp-msg-warn">{drawMessage}</p>}
      </div>
    </div>
  );
}

export function MapYearSlider({ years }: { years: number[] }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const year = useApp((s) => s.view.year);
  const id = useId();
  if (years.length === 0) return null;
  const min = years[0], max = years[years.length - 1];
  const value = Math.max(min, Math.min(max, year));
  return (
    <div className="hp-year" data-testid="map-year">
      <label htmlFor={id}>{t('yearOnMap')}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-valuetext={formatAcademicYear(value, lang)}
        onChange={(e) => appStore.getState().setView({ year: Number(e.target.value) })}
      />
      <output htmlFor={id}>{formatAcademicYear(value, lang)}</output>
    </div>
  );
}
