/**
 * A chart's frame: title, the chart, and its three controls — show/hide the data table, export the
 * image, export the numbers. Button names include the chart title, since both cards have the same
 * buttons ("Export CSV: Beds by source against students who need one").
 */
import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import type { TableModel } from '../viewmodel/chartSeries.ts';
import { tableCsvRows } from '../viewmodel/chartSeries.ts';
import { DataTable } from './DataTable.tsx';
import { csvBlob, downloadBlob } from './exportFiles.ts';
import './charts.css';

export interface ChartCardProps {
  title: string;
  /** A short muted line under the chart (how to use it). */
  hint?: string;
  table: TableModel;
  /** File names (ASCII, from exportFileName). */
  csvName: string;
  pngName: string;
  /** Renders the PNG; rejects when there is no chart to draw. */
  makePng: () => Promise<Blob>;
  children: ReactNode;
}

export function ChartCard({ title, hint, table, csvName, pngName, makePng, children }: ChartCardProps) {
  const t = useT();
  const [showTable, setShowTable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tableId = useId();
  const headingId = useId();
  const name = (action: string) => t('actionOn', { action, title });

  const exportPng = () => {
    setError(null);
    makePng().then((blob) => downloadBlob(blob, pngName), (e: unknown) => setError(`${t('exportFailed')}: ${e instanceof Error ? e.message : String(e)}`));
  };
  const exportCsv = () => {
    setError(null);
    downloadBlob(csvBlob(tableCsvRows(table)), csvName);
  };

  return (
    <section className="card chart-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
      {hint && <p className="chart-hint muted">{hint}</p>}
      <div className="chart-actions">
        <button type="button" aria-expanded={showTable} aria-controls={tableId} aria-label={name(showTable ? t('hideTable') : t('showTable'))} onClick={() => setShowTable((v) => !v)}>
          {showTable ? t('hideTable') : t('showTable')}
        </button>
        <button type="button" aria-label={name(t('exportPng'))} onClick={exportPng}>{t('exportPng')}</button>
        <button type="button" aria-label={name(t('exportCsv'))} onClick={exportCsv}>{t('exportCsv')}</button>
      </div>
      {error && <p className="error" role="status">{error}</p>}
      {showTable ? <DataTable table={table} id={tableId} /> : <div id={tableId} hidden />}
    </section>
  );
}
