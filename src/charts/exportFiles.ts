/**
 * Chart exports: CSV text (RFC 4180 quoting, UTF-8 BOM so that Excel reads the Chinese names),
 * PNG images of a uPlot canvas with the title and legend drawn in, and the download itself.
 * Everything goes through Blobs and canvas text — no markup is ever built from data.
 */
import type { Cell } from '../viewmodel/chartSeries.ts';

/** Byte order mark: Excel opens a BOM-less UTF-8 CSV as the local code page and garbles 中文. */
export const BOM = '\uFEFF';

/**
 * One CSV field. Numbers are written as they are (no grouping); text is quoted when it holds a
 * comma, quote, line break or edge spaces; text that a spreadsheet would run as a formula
 * (= + - @ tab CR at the start) gets a leading apostrophe (OWASP CSV-injection advice).
 */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV document: BOM, fields joined by commas, rows by CRLF, a final CRLF. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvBlob(rows: readonly (readonly Cell[])[]): Blob {
  return new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
}

/** A file name from fixed ASCII parts (never from translated or user text): hostel-planner-gap-2030.csv */
export function exportFileName(parts: readonly (string | number)[], ext: 'csv' | 'png'): string {
  const stem = ['hostel-planner', ...parts].map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')).filter(Boolean).join('-');
  return `${stem}.${ext}`;
}

/** Saves a Blob through a temporary <a download>; the object URL is revoked once the click is handled. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking synchronously can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------------------------------------------------------------------------------------------
// PNG

export interface LegendItem {
  label: string;
  color: string;
  /** How the swatch is drawn: a filled box (areas, bands, bars) or a line (dashed for `dash`). */
  kind: 'box' | 'line';
  dash?: boolean;
}

export interface PlacedItem { item: LegendItem; x: number; row: number }

/**
 * Flows legend items into rows no wider than `maxWidth` (units of `measure`): each item takes
 * swatch + gap + text width + spacing. An item wider than a row still gets a row of its own.
 */
export function layoutLegend(items: readonly LegendItem[], measure: (text: string) => number, maxWidth: number, swatch: number, spacing: number): { placed: PlacedItem[]; rows: number } {
  const placed: PlacedItem[] = [];
  let x = 0, row = 0;
  for (const item of items) {
    const w = swatch + spacing / 2 + measure(item.label);
    if (x > 0 && x + w > maxWidth) { row += 1; x = 0; }
    placed.push({ item, x, row });
    x += w + spacing;
  }
  return { placed, rows: items.length === 0 ? 0 : row + 1 };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK HK", "Noto Sans HK", "Microsoft JhengHei", sans-serif';

/**
 * The chart canvas (plot + axes, already at device pixel ratio) with the title above and the
 * legend below, on white — the uPlot legend is HTML and would otherwise be missing from the image.
 * @param cssWidth the chart's width in CSS pixels, to find the canvas's pixel ratio
 */
export function chartPng(chart: HTMLCanvasElement, cssWidth: number, title: string, legend: readonly LegendItem[]): Promise<Blob> {
  const ratio = cssWidth > 0 ? chart.width / cssWidth : 1;
  const pad = 12 * ratio, titleSize = 15 * ratio, textSize = 12 * ratio, swatch = 14 * ratio, rowH = 20 * ratio, spacing = 16 * ratio;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('2D canvas unavailable'));
  ctx.font = `${textSize}px ${FONT}`;
  const width = chart.width + 2 * pad;
  const { placed, rows } = layoutLegend(legend, (s) => ctx.measureText(s).width, width - 2 * pad, swatch, spacing);
  const titleH = titleSize * 1.6;
  out.width = Math.ceil(width);
  out.height = Math.ceil(pad + titleH + chart.height + (rows > 0 ? pad / 2 + rows * rowH : 0) + pad);

  // Setting the size resets the context; draw from a clean state.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1d2733';
  ctx.textBaseline = 'middle';
  ctx.font = `600 ${titleSize}px ${FONT}`;
  ctx.fillText(title, pad, pad + titleH / 2, width - 2 * pad);
  ctx.drawImage(chart, pad, pad + titleH);

  ctx.font = `${textSize}px ${FONT}`;
  const top = pad + titleH + chart.height + pad / 2;
  for (const { item, x, row } of placed) {
    const x0 = pad + x, yMid = top + row * rowH + rowH / 2;
    if (item.kind === 'box') {
      ctx.fillStyle = item.color;
      ctx.fillRect(x0, yMid - swatch / 2, swatch, swatch);
    } else {
      ctx.strokeStyle = item.color;
      ctx.lineWidth = 2 * ratio;
      ctx.setLineDash(item.dash ? [4 * ratio, 3 * ratio] : []);
      ctx.beginPath();
      ctx.moveTo(x0, yMid);
      ctx.lineTo(x0 + swatch, yMid);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#1d2733';
    ctx.fillText(item.label, x0 + swatch + spacing / 2, yMid);
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
