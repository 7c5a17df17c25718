// The matrix as a table: every cell and total a button that opens the deals it counts, with a
// trend sparkline per row when one is loaded.
import type { CellRef, DimValue, MatrixResult, MatrixTrend } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL } from '#shared/domain/win-rates.ts';
import { FigureButton } from './FigureCell.tsx';
import { Sparkline } from './Sparkline.tsx';

const k = (key: string | null) => (key === null ? '\u0000' : key);

export function MatrixTable({
  m,
  rows,
  trend,
  onDrill,
}: {
  m: MatrixResult;
  rows: DimValue[];
  trend: MatrixTrend | undefined;
  onDrill: (cell: CellRef, title: string) => void;
}) {
  const { measure } = m.query;
  const cells = new Map(m.cells.map((c) => [`${k(c.row)}|${k(c.col)}`, c]));
  const rowTotals = new Map(m.rowTotals.map((t) => [k(t.row), t]));
  const colTotals = new Map(m.colTotals.map((t) => [k(t.col), t]));
  const trendRows = new Map(trend?.rows.map((r) => [k(r.row), r.points]) ?? []);
  const flat = m.query.cols === 'none';
  const rowsName = DIMENSION_LABEL[m.query.rows];
  return (
    <div className="matrix-scroll">
      <table className="data-table matrix-table" data-testid="matrix-table">
        <thead>
          <tr>
            <th scope="col">{rowsName}</th>
            {!flat &&
              m.cols.map((c) => (
                <th key={k(c.key)} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            <th scope="col" className="num total-col">
              {flat ? 'Win rate' : 'Total'}
            </th>
            {trend && trend.periods.length > 1 && (
              <th scope="col">
                Trend ({trend.periods[0]} to {trend.periods.at(-1)})
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={k(r.key)}>
              <th scope="row">{r.label}</th>
              {!flat &&
                m.cols.map((c) => (
                  <td key={k(c.key)} className="num">
                    <FigureButton
                      f={cells.get(`${k(r.key)}|${k(c.key)}`)}
                      measure={measure}
                      currency={m.currency}
                      label={`${r.label} · ${c.label}`}
                      onOpen={() => onDrill({ row: r.key, col: c.key }, `${r.label} · ${c.label}`)}
                      testId="matrix-cell"
                      row={r.key ?? ''}
                      col={c.key ?? ''}
                    />
                  </td>
                ))}
              <td className="num total-col">
                <FigureButton
                  f={rowTotals.get(k(r.key))}
                  measure={measure}
                  currency={m.currency}
                  label={`${r.label} · all`}
                  onOpen={() => onDrill({ row: r.key }, `${r.label} · all columns`)}
                  testId="row-total"
                  row={r.key ?? ''}
                />
              </td>
              {trend && trend.periods.length > 1 && (
                <td>{trendRows.get(k(r.key)) && <Sparkline points={trendRows.get(k(r.key))!} label={r.label} />}</td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total (each deal once)</th>
            {!flat &&
              m.cols.map((c) => (
                <td key={k(c.key)} className="num">
                  <FigureButton
                    f={colTotals.get(k(c.key))}
                    measure={measure}
                    currency={m.currency}
                    label={`All rows · ${c.label}`}
                    onOpen={() => onDrill({ col: c.key }, `All rows · ${c.label}`)}
                    testId="col-total"
                    col={c.key ?? ''}
                  />
                </td>
              ))}
            <td className="num total-col">
              <FigureButton
                f={m.overall}
                measure={measure}
                currency={m.currency}
                label="All closed deals"
                onOpen={() => onDrill({}, 'All closed deals in the matrix')}
                testId="overall-total"
              />
            </td>
            {trend && trend.periods.length > 1 && (
              <td>
                <Sparkline points={trend.overall} label="All deals" />
              </td>
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
