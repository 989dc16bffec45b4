/**
 * Text renderings of a results document for the CLI: an aligned table and CSV, one row per academic year.
 */
import { SOURCE_KEYS } from '../workers/model/data/schema.ts';
import { formatAcademicYear } from '../workers/model/years.ts';
import type { Results } from '../workers/model/results.ts';

interface Column { header: string; values: (number | null)[] }

export function sectorColumns(r: Results): Column[] {
  const cols: Column[] = [
    { header: 'demand_entitlement', values: r.sector.demand.entitlement },
    { header: 'demand_market', values: r.sector.demand.market },
    ...SOURCE_KEYS.map((k) => ({ header: `supply_${k}`, values: r.sector.supply.bySource[k] })),
    { header: 'supply_total', values: r.sector.supply.total },
    { header: 'gap_entitlement', values: r.sector.gap.entitlement },
    { header: 'gap_market', values: r.sector.gap.market },
  ];
  const p = r.percentiles;
  if (p) {
    cols.push(
      { header: 'gap_market_p10', values: p.gap.market.p10 }, { header: 'gap_market_p50', values: p.gap.market.p50 }, { header: 'gap_market_p90', values: p.gap.market.p90 },
      { header: 'gap_entitlement_p10', values: p.gap.entitlement.p10 }, { header: 'gap_entitlement_p50', values: p.gap.entitlement.p50 }, { header: 'gap_entitlement_p90', values: p.gap.entitlement.p90 },
      { header: 'p_closed_market', values: p.pClosedBy.market }, { header: 'p_closed_entitlement', values: p.pClosedBy.entitlement },
    );
  }
  return cols;
}

const cell = (header: string, v: number | null) => (v === null ? '' : header.startsWith('p_closed') ? v.toFixed(3) : Math.round(v).toString());

export function toCsv(r: Results): string {
  const cols = sectorColumns(r);
  const lines = [['year_start', 'academic_year', ...cols.map((c) => c.header)].join(',')];
  r.years.forEach((y, i) => lines.push([String(y), formatAcademicYear(y), ...cols.map((c) => cell(c.header, c.values[i]))].join(',')));
  return lines.join('\n') + '\n';
}

export function toTable(r: Results): string {
  const cols = sectorColumns(r).filter((c) => !c.header.includes('_p10') && !c.header.includes('_p90') && !c.header.startsWith('p_closed_ent'));
  const short: Record<string, string> = {
    demand_entitlement: 'need(1996)', demand_market: 'need(mkt)', supply_existing: 'existing', supply_pipeline: 'pipeline', supply_conversion: 'convert',
    supply_landSale: 'landSale', supply_universityTown: 'uniTown', supply_youthHostel: 'youth', supply_total: 'beds', gap_entitlement: 'gap(1996)',
    gap_market: 'gap(mkt)', gap_market_p50: 'gapMkt P50', gap_entitlement_p50: 'gap96 P50', p_closed_market: 'P(closed)',
  };
  const headers = ['year', ...cols.map((c) => short[c.header] ?? c.header)];
  const rows = r.years.map((y, i) => [formatAcademicYear(y), ...cols.map((c) => (c.values[i] === null ? '' : c.header.startsWith('p_closed') ? c.values[i]!.toFixed(2) : Math.round(c.values[i]!).toLocaleString('en')))]);
  const widths = headers.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const out = [`${r.scenario.name} — beds against students (gap > 0 = beds short)`, line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (r.percentiles) {
    const c = r.percentiles.closingYear;
    const y = (v: number | null) => (v === null ? `not by ${formatAcademicYear(r.years[r.years.length - 1])}` : formatAcademicYear(v));
    out.push('', `Monte Carlo: ${r.percentiles.draws} draws, seed ${r.percentiles.seed}. Year the gap closes (P10 / P50 / P90): market ${y(c.market.p10)} / ${y(c.market.p50)} / ${y(c.market.p90)}; entitlement ${y(c.entitlement.p10)} / ${y(c.entitlement.p50)} / ${y(c.entitlement.p90)}.`);
  }
  return out.join('\n') + '\n';
}
