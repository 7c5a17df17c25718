// The deals a cell or total counts, a page at a time, sorted in SQL. Its count is the cell's n.
import { useState } from 'react';
import type { CellRef, MatrixQuery } from '#shared/domain/win-rates.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatInt, formatMoney } from '../lib/format.ts';

const PAGE = 25;
type Sort = 'closeDate' | 'amount' | 'name';

export function DrillDown({
  query,
  cell,
  title,
  currency,
  onClose,
}: {
  query: MatrixQuery;
  cell: CellRef;
  title: string;
  currency: string;
  onClose: () => void;
}) {
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<Sort>('closeDate');
  const [descending, setDescending] = useState(true);
  const page = useQuery(
    (api) => api.matrix.deals({ query, cell, offset, limit: PAGE, sort, descending }),
    [query, cell, offset, sort, descending],
  );
  const total = page.data?.total ?? 0;
  const header = (key: Sort, text: string, num = false) => (
    <th
      scope="col"
      className={num ? 'num' : undefined}
      aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        className="th-sort"
        onClick={() => {
          if (sort === key) setDescending(!descending);
          else {
            setSort(key);
            setDescending(key !== 'name');
          }
          setOffset(0);
        }}
      >
        {text}
        {sort === key ? (descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <section
      className="panel drill"
      aria-label={`Deals in ${title}`}
      data-testid="drill-down"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header className="drill-head">
        <h2>
          Deals counted in {title}: <span data-testid="drill-total">{page.data ? formatInt(total) : '…'}</span>
        </h2>
        <button type="button" className="secondary" onClick={onClose} data-testid="drill-close">
          Close
        </button>
      </header>
      {page.error && <ErrorMessage error={page.error} />}
      {page.data && total === 0 && <p className="muted">No closed deals here.</p>}
      {page.data && total > 0 && (
        <>
          <table className="data-table drill-table">
            <thead>
              <tr>
                {header('name', 'Deal')}
                <th scope="col">Account</th>
                {header('amount', `Amount (${currency})`, true)}
                {header('closeDate', 'Closed')}
                <th scope="col">Outcome</th>
                <th scope="col">Segment</th>
                <th scope="col">Owner</th>
                <th scope="col">Competitors (primary first)</th>
              </tr>
            </thead>
            <tbody>
              {page.data.deals.map((d) => (
                <tr key={d.id} data-testid="drill-row">
                  <td>
                    {d.name}
                    {d.externalId && <span className="muted small"> {d.externalId}</span>}
                  </td>
                  <td>{d.account ?? '–'}</td>
                  <td className="num">{d.amount === null ? '–' : formatMoney(d.amount, currency)}</td>
                  <td className="date">{d.closeDate ?? '–'}</td>
                  <td className={`outcome outcome-${d.outcome}`}>{OUTCOME_LABEL[d.outcome]}</td>
                  <td>{d.segment ?? '–'}</td>
                  <td>{d.owner ?? '–'}</td>
                  <td>{d.competitors ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button
              type="button"
              className="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              ← Previous
            </button>
            <span className="muted">
              {formatInt(offset + 1)}–{formatInt(Math.min(total, offset + PAGE))} of {formatInt(total)}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={offset + PAGE >= total}
              onClick={() => setOffset(offset + PAGE)}
              data-testid="drill-next"
            >
              Next →
            </button>
          </div>
        </>
      )}
    </section>
  );
}
