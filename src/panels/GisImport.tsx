/**
 * Import candidate sites from a GeoJSON or CSV file (WGS84 or HK1980 Grid): a preview of the sites
 * that can be added, with each bad row's problems, then "Add N sites" adds them to the scenario as
 * drawn sites in one undoable step. Nothing changes until that button is pressed.
 */
import { useId, useState } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import { addCandidates, MAX_DRAWN_SITES, parseGisFile, type GisPreview } from '../io/gisImport.ts';
import { fatalParts, issueParts, previewSummary } from '../viewmodel/gisIssues.ts';
import { TextParts } from './TextParts.tsx';
import { getSession } from '../persist/session.ts';
import { Modal } from './Modal.tsx';

/** Column names the importer reads (file vocabulary, shown as code in both languages). */
const COLUMNS = 'name · lon, lat | easting, northing | x, y | WKT · area_m2 · plot_ratio · beds · rooms · open_year · tender_year · kind · owner';

export default function GisImport({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  const data = useApp((s) => s.data);
  const [preview, setPreview] = useState<GisPreview | null>(null);
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  const read = async (file: File) => {
    setBusy(true);
    setFileName(file.name);
    try {
      setPreview(await parseGisFile(file, { scenario: appStore.getState().scenario, data, namePrefix: t('gisImportedName') }));
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    if (!preview) return;
    let added = 0;
    appStore.getState().setScenario((s) => { const r = addCandidates(s, preview.candidates); added = r.added; return r.scenario; });
    getSession().notify({ kind: 'info', key: 'gisAdded', vars: { n: added } });
    onClose();
  };

  /** Institution name in the language, from the bilingual data. */
  const ownerName = (code: string) => {
    const i = data?.institutions.find((x) => x.code === code);
    return i ? (lang === 'zh-HK' ? i.nameZh : i.nameEn) : code;
  };
  const room = MAX_DRAWN_SITES - appStore.getState().scenario.drawnSites.length;
  const n = preview && !preview.fatal ? Math.min(preview.candidates.length, room) : 0;

  return (
    <Modal title={t('gisImportTitle')} onClose={onClose} className="gis-import">
      <p>{t('gisHelp')}</p>
      <p className="small">{t('gisColumns')} <code data-i18n-exempt="">{COLUMNS}</code></p>
      <div className="gis-file">
        <label htmlFor={inputId}>{t('gisChooseFile')}</label>
        <input id={inputId} type="file" accept=".geojson,.json,.csv,.txt,application/geo+json,text/csv" onChange={(e) => { const f = e.target.files?.[0]; if (f) void read(f); }} />
      </div>
      {busy && <p role="status">{t('gisReading')}</p>}
      {preview?.fatal && (
        <p className="error" role="alert">
          <span data-i18n-exempt="">{fileName}</span>: <TextParts parts={fatalParts(lang, preview.fatal)} />
        </p>
      )}
      {preview && !preview.fatal && (
        <>
          <p role="status">{previewSummary(lang, preview)}</p>
          {preview.candidates.length > 0 && (
            <div className="table-scroll">
              <table className="gis-table">
                <caption>{t('gisPreview')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('gisRow')}</th><th scope="col">{t('name')}</th><th scope="col">{t('gisFrom')}</th>
                    <th scope="col">{t('areaM2')}</th><th scope="col">{t('bedsWhenOpen')}</th><th scope="col">{t('openYear')}</th><th scope="col">{t('owner')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.candidates.map((c) => (
                    <tr key={c.row}>
                      <td className="num">{c.row}</td>
                      <td data-i18n-exempt="">{c.site.name}</td>
                      <td>{t(c.from === 'point' ? 'gisFromPoint' : 'gisFromPolygon')}</td>
                      <td className="num">{formatInt(lang, c.areaM2)}</td>
                      <td className="num">{formatInt(lang, c.beds)}</td>
                      <td>{formatAcademicYear(c.openYear)}</td>
                      <td>{c.site.owner ? ownerName(c.site.owner) : t('openMarket')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.errors.length > 0 && (
            <div className="table-scroll">
              <table className="gis-table gis-errors">
                <caption>{t('gisErrors')}</caption>
                <thead><tr><th scope="col">{t('gisRow')}</th><th scope="col">{t('gisField')}</th><th scope="col">{t('gisProblem')}</th></tr></thead>
                <tbody>
                  {preview.errors.map((e, i) => (
                    <tr key={i}>
                      <td className="num">{e.row}</td>
                      <td><code data-i18n-exempt="">{e.field}</code></td>
                      <td><TextParts parts={issueParts(lang, e)} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.warnings.length > 0 && (
            <details className="gis-warnings">
              <summary>{t('gisWarnings', { n: preview.warnings.length })}</summary>
              <ul>
                {preview.warnings.map((w, i) => <li key={i}>{t('gisRowN', { n: w.row })}: <TextParts parts={issueParts(lang, w)} /></li>)}
              </ul>
            </details>
          )}
          {preview.candidates.length > room && <p className="error">{t('gisNoRoom', { max: MAX_DRAWN_SITES, n: room })}</p>}
        </>
      )}
      <div className="modal-actions">
        <button type="button" className="primary" disabled={n === 0} onClick={add}>{t('gisAdd', { n })}</button>
        <button type="button" onClick={onClose}>{t('cancel')}</button>
      </div>
    </Modal>
  );
}
