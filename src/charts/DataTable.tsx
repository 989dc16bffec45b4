/**
 * The numbers behind a chart as a real table: a caption, column headings with units, and each
 * row headed by its first cell (the year or the institution code).
 */
import type { TableModel } from '../viewmodel/chartSeries.ts';
import { useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { formatInt } from '../i18n/format.ts';

export function DataTable({ table, id }: { table: TableModel; id?: string }) {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  return (
    <div className="chart-table-wrap" id={id}>
      <table className="chart-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, j) => (
              <th key={j} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => {
                const text = v === null ? t('notApplicable') : typeof v === 'number' ? formatInt(lang, v) : v;
                const cls = table.columns[j]?.numeric ? 'num' : undefined;
                return j === 0 ? <th key={j} scope="row" className={cls}>{text}</th> : <td key={j} className={cls}>{text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
