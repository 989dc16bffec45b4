/**
 * Results for GIS: sites (all years) and districts (the selected year) as GeoJSON or CSV, made
 * from the results in the store by src/io/gisExport.ts.
 */
import { useState } from 'react';
import { useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatAcademicYear } from '../i18n/format.ts';
import { downloadBlob } from '../charts/exportFiles.ts';
import { yearIndex } from '../viewmodel/chartSeries.ts';
import { districtExportRows, districtsCsv, districtsGeoJson, gisFileName, siteExportRows, sitesCsv, sitesGeoJson } from '../io/gisExport.ts';

type What = 'sitesGeojson' | 'sitesCsv' | 'districtsGeojson' | 'districtsCsv';

export function GisExportButtons() {
  const t = useT();
  const results = useApp((s) => s.results);
  const data = useApp((s) => s.data);
  const scenario = useApp((s) => s.scenario);
  const viewYear = useApp((s) => s.view.year);
  const [error, setError] = useState<string | null>(null);
  const year = results ? results.years[yearIndex(results.years, viewYear)] : viewYear;
  const ready = !!results?.sites && !!data;

  const save = (what: What) => {
    setError(null);
    if (!results || !data) return;
    try {
      if (what.startsWith('sites')) {
        const rows = siteExportRows(data, scenario, results);
        if (what === 'sitesGeojson') downloadBlob(new Blob([JSON.stringify(sitesGeoJson(rows))], { type: 'application/geo+json' }), gisFileName('sites', 'geojson'));
        else downloadBlob(new Blob([sitesCsv(rows)], { type: 'text/csv;charset=utf-8' }), gisFileName('sites', 'csv'));
      } else {
        const rows = districtExportRows(data, results, year);
        if (what === 'districtsGeojson') downloadBlob(new Blob([JSON.stringify(districtsGeoJson(data, rows))], { type: 'application/geo+json' }), gisFileName('districts', 'geojson', year));
        else downloadBlob(new Blob([districtsCsv(data, rows)], { type: 'text/csv;charset=utf-8' }), gisFileName('districts', 'csv', year));
      }
    } catch (e) {
      setError(`${t('exportFailed')}: ${(e as Error).message}`);
    }
  };

  const ay = formatAcademicYear(year);
  return (
    <details className="gis-export">
      <summary>{t('gisExport')}</summary>
      {!ready && <p className="muted">{t('gisExportWaiting')}</p>}
      <div className="sm-buttons">
        <button type="button" disabled={!ready} onClick={() => save('sitesGeojson')}>{t('gisSitesGeoJson')}</button>
        <button type="button" disabled={!ready} onClick={() => save('sitesCsv')}>{t('gisSitesCsv')}</button>
        <button type="button" disabled={!ready} onClick={() => save('districtsGeojson')}>{t('gisDistrictsGeoJson', { year: ay })}</button>
        <button type="button" disabled={!ready} onClick={() => save('districtsCsv')}>{t('gisDistrictsCsv', { year: ay })}</button>
      </div>
      <p className="muted small">{t('gisExportHelp')}</p>
      {error && <p className="error" role="alert">{error}</p>}
    </details>
  );
}
