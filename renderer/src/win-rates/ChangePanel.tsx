// Change over time: the matrix over two periods, each cell's change (B - A) with Newcombe's 95%
// interval; a change is marked significant only when its interval excludes 0. Sparklines show
// each row's quarterly trend over the whole data.
import { useState } from 'react';
import type { ChangeCell, MatrixChange, MatrixQuery, Period } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL, PERIOD_DIMENSIONS } from '#shared/domain/win-rates.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatInt, formatPercent } from '../lib/format.ts';
import { PeriodInputs } from './MatrixControls.tsx';
import { Sparkline } from './Sparkline.tsx';
import type { ComparePreset } from '#shared/domain/compare-periods.ts';
import { COMPARE_PRESET_LABEL, comparePeriods, isIncomplete } from '#shared/domain/compare-periods.ts';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { matrixTitle, winRateContext } from './export-context.ts';
import { periodText } from './query.ts';

const k = (key: string | null) => (key === null ? '\u0000' : key);
const pts = (x: number | null) => (x === null ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`);

function ChangeFigure({ c, measure }: { c: ChangeCell | undefined; measure: MatrixQuery['measure'] }) {
  if (!c || c.difference === null) {
    const n = (x: ChangeCell['a']) => (x ? formatInt(x.closed) : '0');
    return (
      <span className="chg chg-none" title="A period has no closed deals here">
        – <span className="chg-n">n {c ? `${n(c.a)} → ${n(c.b)}` : '0 → 0'}</span>
      </span>
    );
  }
  const dir = c.significant ? (c.difference > 0 ? 'chg-up' : 'chg-down') : 'chg-flat';
  const rate = (x: ChangeCell['a']) => (x ? formatPercent(measure === 'amount' ? x.amountRate : x.rate.rate, 0) : '–');
  const tip =
    `${rate(c.a)} (n = ${formatInt(c.a?.closed ?? 0)}) → ${rate(c.b)} (n = ${formatInt(c.b?.closed ?? 0)}); change ${pts(c.difference)} points` +
    (c.low !== null ? `, 95% interval ${pts(c.low)} to ${pts(c.high)}` : '') +
    (c.significant ? ': significant (interval excludes 0)' : ': not significant');
  return (
    <span className={`chg ${dir}`} title={tip} data-testid="change-cell" data-significant={c.significant}>
      <span className="chg-value">
        {c.significant ? (c.difference > 0 ? '▲ ' : '▼ ') : ''}
        {pts(c.difference)}
      </span>
      {c.low !== null && (
        <span className="chg-ci">
          [{pts(c.low)}, {pts(c.high)}]
        </span>
      )}
      <span className="chg-n">
        {rate(c.a)} → {rate(c.b)}
      </span>
      <span className="chg-n" data-testid="change-n">
        n {formatInt(c.a?.closed ?? 0)} → {formatInt(c.b?.closed ?? 0)}
      </span>
    </span>
  );
}

function ChangeTable({ ch, query }: { ch: MatrixChange; query: MatrixQuery }) {
  const wantsTrend = !PERIOD_DIMENSIONS.has(query.rows);
  const trend = useQuery(
    (api) =>
      wantsTrend
        ? api.matrix.trend({ query: { ...query, period: {} }, grain: 'closeQuarter' })
        : Promise.resolve({ ok: true as const, value: undefined }),
    [query, wantsTrend],
  );
  const cells = new Map(ch.cells.map((c) => [`${k(c.row)}|${k(c.col)}`, c]));
  const rowTotals = new Map(ch.rowTotals.map((c) => [k(c.row), c]));
  const colTotals = new Map(ch.colTotals.map((c) => [k(c.col), c]));
  const trendRows = new Map(trend.data?.rows.map((r) => [k(r.row), r.points]) ?? []);
  const flat = query.cols === 'none';
  const context = {
    ...winRateContext(`Change in ${matrixTitle(query).toLowerCase()}`, query, ch.b),
    interval: '95% Newcombe intervals of each change; * significant (interval excludes 0)',
    period: `${periodText(ch.periodB)} against ${periodText(ch.periodA)}`,
  };
  return (
    <ExportableTable context={context} testId="change-export">
      <div className="matrix-scroll">
        <table className="data-table matrix-table change-table" data-testid="change-table">
          <thead>
            <tr>
              <th scope="col">{DIMENSION_LABEL[query.rows]}</th>
              {!flat &&
                ch.cols.map((c) => (
                  <th key={k(c.key)} scope="col" className="num">
                    {c.label}
                  </th>
                ))}
              <th scope="col" className="num total-col">
                Total
              </th>
              {trend.data && trend.data.periods.length > 1 && (
                <th scope="col">
                  Quarterly trend ({trend.data.periods[0]} to {trend.data.periods.at(-1)})
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {ch.rows.map((r) => (
              <tr key={k(r.key)}>
                <th scope="row">{r.label}</th>
                {!flat &&
                  ch.cols.map((c) => (
                    <td key={k(c.key)} className="num">
                      <ChangeFigure c={cells.get(`${k(r.key)}|${k(c.key)}`)} measure={query.measure} />
                    </td>
                  ))}
                <td className="num total-col">
                  <ChangeFigure c={rowTotals.get(k(r.key))} measure={query.measure} />
                </td>
                {trend.data && trend.data.periods.length > 1 && (
                  <td>{trendRows.get(k(r.key)) && <Sparkline points={trendRows.get(k(r.key))!} label={r.label} />}</td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total (each deal once)</th>
              {!flat &&
                ch.cols.map((c) => (
                  <td key={k(c.key)} className="num">
                    <ChangeFigure c={colTotals.get(k(c.key))} measure={query.measure} />
                  </td>
                ))}
              <td className="num total-col">
                <ChangeFigure c={ch.overall} measure={query.measure} />
              </td>
              {trend.data && trend.data.periods.length > 1 && (
                <td>
                  <Sparkline points={trend.data.overall} label="All deals" />
                </td>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </ExportableTable>
  );
}

export function ChangePanel({ query, lastCloseDate }: { query: MatrixQuery; lastCloseDate: string | null }) {
  const [preset, setPreset] = useState<ComparePreset>('quarter');
  const initial = lastCloseDate ? comparePeriods('quarter', lastCloseDate) : { a: {}, b: {} };
  const [custom, setCustom] = useState<{ a: Period; b: Period }>(initial);
  const periods = preset === 'custom' || !lastCloseDate ? custom : comparePeriods(preset, lastCloseDate);
  // Only a custom period can run past the data; say so rather than compare a part with a whole.
  const partial = (['a', 'b'] as const).filter((side) => isIncomplete(periods[side], lastCloseDate));
  const change = useQuery(
    (api) => api.matrix.compare({ query, periodA: periods.a, periodB: periods.b }),
    [query, periods],
  );
  const ch = change.data;
  // Counted over the cells on screen (the rows themselves when there are no columns), not the totals.
  const significant = ch ? (query.cols === 'none' ? ch.rowTotals : ch.cells).filter((c) => c.significant).length : 0;
  return (
    <div className="change-panel">
      <div className="panel controls-row">
        <label className="control">
          Compare
          <select
            value={preset}
            onChange={(e) => setPreset(e.target.value as ComparePreset)}
            data-testid="change-preset"
          >
            {(Object.keys(COMPARE_PRESET_LABEL) as ComparePreset[]).map((p) => (
              <option key={p} value={p}>
                {COMPARE_PRESET_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' ? (
          <>
            <PeriodInputs
              value={custom.a}
              onChange={(a) => setCustom({ ...custom, a })}
              legend="Period A (before)"
              testId="period-a"
            />
            <PeriodInputs
              value={custom.b}
              onChange={(b) => setCustom({ ...custom, b })}
              legend="Period B (after)"
              testId="period-b"
            />
          </>
        ) : (
          <p className="muted" data-testid="change-periods">
            A: {periodText(periods.a)} · B: {periodText(periods.b)}
          </p>
        )}
      </div>
      {partial.length > 0 && (
        <p className="notice notice-warn" data-testid="change-partial">
          The data ends on {lastCloseDate}: period {partial.map((x) => x.toUpperCase()).join(' and ')}{' '}
          {partial.length === 1 ? 'is' : 'are'} incomplete, so its deals are fewer than a whole period would hold.
          Choose periods that end by {lastCloseDate}, or compare equal spans with a “to date” choice.
        </p>
      )}
      {change.error && <ErrorMessage error={change.error} title="The comparison could not be computed" />}
      {!ch && !change.error && <p className="muted">Comparing…</p>}
      {ch && (
        <>
          <p className="muted" data-testid="change-summary">
            Change from A ({formatInt(ch.a.overall.closed)} closed deals) to B ({formatInt(ch.b.overall.closed)}), in
            percentage points. {significant} significant change{significant === 1 ? '' : 's'} among the{' '}
            {query.cols === 'none' ? 'rows' : 'cells'} (▲ ▼: the 95% Newcombe interval for the difference excludes 0).
          </p>
          <ChangeTable ch={ch} query={query} />
          <div className="notes muted small">
            <p>{ch.a.definition}</p>
            <p>
              Each cell: change in points [95% interval, Newcombe hybrid score method], then the rate in A → B.
              {query.measure === 'amount' && ' By amount there is no interval: Newcombe applies to counts of deals.'}
            </p>
            {ch.a.notes.slice(0, -1).map((n) => (
              <p key={n}>{n}</p>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
