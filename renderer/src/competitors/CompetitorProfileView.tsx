// One competitor's profile; every chart and table has the shared export menu, and the whole
// profile exports as one CSV.
import { useMemo, useState } from 'react';
import type { BreakdownRow, CompetitorProfile, Period, ReasonCount } from '#shared/domain/win-rates.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { twoRatesOption } from '../charts/win-rates-charts.ts';
import { EChart } from '../components/EChart.tsx';
import type { FigureContext } from '../components/figure-context.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { RateView } from '../components/RateView.tsx';
import { formatInt, formatMoney } from '../lib/format.ts';
import { PeriodInputs } from '../win-rates/MatrixControls.tsx';
import { periodText } from '../win-rates/query.ts';

function Breakdown(props: { title: string; what: string; rows: BreakdownRow[]; context: FigureContext }) {
  const { title, what, rows } = props;
  return (
    <section className="panel">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">No closed deals.</p>
      ) : (
        <ExportableTable context={props.context} testId={`breakdown-export-${what.toLowerCase()}`}>
          <table className="data-table">
            <thead>
              <tr>
                <th>{what}</th>
                <th>Involved</th>
                <th>Head-to-head</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key ?? '\u0000'}>
                  <td>{r.label}</td>
                  <td>
                    <RateView rate={r.involved} />
                  </td>
                  <td>
                    <RateView rate={r.headToHead} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ExportableTable>
      )}
    </section>
  );
}

function Reasons({ title, rows, what }: { title: string; rows: ReasonCount[]; what: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted small">None recorded.</p>
      ) : (
        <ol className="reasons">
          {rows.slice(0, 6).map((r) => (
            <li key={r.reason}>
              {r.reason} <span className="muted small">{r.category ? `(${r.category}) ` : ''}</span>
              <span className="reason-count">
                {formatInt(r.count)} {what}
                {r.primary > 0 ? `, ${formatInt(r.primary)} as primary` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Profile({ p, period, setPeriod }: { p: CompetitorProfile; period: Period; setPeriod: (p: Period) => void }) {
  const trend = useMemo(() => twoRatesOption(p.overTime), [p]);
  const context = (title: string, extra: Partial<FigureContext> = {}): FigureContext => ({
    title: `${p.name}: ${title}`,
    n: { value: p.involved.n, of: 'closed deals where they were involved' },
    interval: '95% Wilson score intervals',
    filters: [{ label: 'Competitor', values: [p.name] }],
    period: periodText(p.period),
    measure: 'win rate by count, involved and head-to-head',
    ...extra,
  });
  const others = p.sizeAndCycle.otherCompetitors;
  const money = (x: number | null) => (x === null ? '–' : formatMoney(x, p.currency));
  const days = (x: number | null) => (x === null ? '–' : `${Math.round(x)} days`);
  return (
    <div className="profile" data-testid="competitor-profile">
      <header className="page-head profile-head">
        <div>
          <p className="muted small">
            <a href="#/competitors">Competitors</a> /
          </p>
          <h1 data-testid="profile-name">{p.name}</h1>
          <p className="muted">
            {p.aliases.length > 0 && <>Also written {p.aliases.join(', ')}. </>}
            {formatInt(p.encounters)} deals met · {formatInt(p.lostToThem)} lost to them (CRM) · {periodText(p.period)}{' '}
            · <a href={`#/competitors?edit=${p.id}`}>Edit name, notes, spellings or merge</a>
          </p>
        </div>
        <div className="row-actions">
          <PeriodInputs value={period} onChange={setPeriod} testId="profile-period" />
          <ExportMenu
            context={context('profile')}
            testId="profile-export"
            extra={[
              {
                label: 'Whole profile as CSV',
                testId: 'profile-csv',
                save: async () => (await call((api) => api.competitorProfile.exportCsv({ id: p.id, period }))).path,
              },
            ]}
          />
        </div>
      </header>
      <div className="tiles">
        <div className="tile" data-testid="tile-involved">
          <div className="tile-label">Win rate · involved</div>
          <RateView rate={p.involved} big />
          <div className="muted">
            {formatInt(p.involved.hits)} won of {formatInt(p.involved.n)} closed
          </div>
        </div>
        <div className="tile" data-testid="tile-h2h">
          <div className="tile-label">Head-to-head (primary)</div>
          <RateView rate={p.headToHead} big />
          <div className="muted">
            {formatInt(p.headToHead.hits)} won of {formatInt(p.headToHead.n)} closed
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">Average deal size</div>
          <div className="tile-value small-value">{money(p.sizeAndCycle.them.averageAmount)}</div>
          <div className="muted">other competitors: {money(others.averageAmount)}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Average cycle (created to close)</div>
          <div className="tile-value small-value">{days(p.sizeAndCycle.them.averageCycleDays)}</div>
          <div className="muted">other competitors: {days(others.averageCycleDays)}</div>
        </div>
      </div>
      <div className="charts">
        <section className="panel wide">
          <h2>Win rate against them by close quarter</h2>
          <EChart
            option={trend}
            height={280}
            label="Win rate against the competitor by quarter, involved with 95% band and head-to-head"
            testId="profile-trend"
            exportAs={context('win rate against them by close quarter')}
          />
          <p className="muted small">
            Shaded: 95% interval of the involved rate. Quarters with too few deals have no point.
          </p>
        </section>
        <Breakdown title="By segment" what="Segment" rows={p.bySegment} context={context('win rate by segment')} />
        <Breakdown title="By region" what="Region" rows={p.byRegion} context={context('win rate by region')} />
        <Breakdown title="By product" what="Product" rows={p.byProduct} context={context('win rate by product')} />
        <section className="panel">
          <h2>Deal size and cycle against other competitors</h2>
          <ExportableTable
            context={context('deal size and cycle against other competitors', {
              n: { value: p.sizeAndCycle.them.deals, of: 'closed deals where they were involved' },
              interval: null,
              measure: `average amount (${p.currency}) and cycle days, created to close`,
            })}
            testId="size-export"
          >
            <table className="data-table">
              <thead>
                <tr>
                  <th>Competitor</th>
                  <th className="num">Closed deals</th>
                  <th className="num">Average amount</th>
                  <th className="num">Average cycle</th>
                </tr>
              </thead>
              <tbody>
                {p.sizeAndCycle.byCompetitor.map((c) => (
                  <tr key={c.id} className={c.id === p.id ? 'highlight' : undefined}>
                    <td>
                      {c.id === p.id ? <strong>{c.name}</strong> : <a href={`#/competitors?id=${c.id}`}>{c.name}</a>}
                    </td>
                    <td className="num">{formatInt(c.deals)}</td>
                    <td className="num">{money(c.averageAmount)}</td>
                    <td className="num">{days(c.averageCycleDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ExportableTable>
        </section>
        <section className="panel wide reasons-panel">
          <h2>Why we win and lose against them</h2>
          <div className="reasons-grid">
            <Reasons title="Buyers: why we won" rows={p.interviewReasons.win} what="mentions" />
            <Reasons title="Buyers: why we lost" rows={p.interviewReasons.loss} what="mentions" />
            <Reasons title="Reps (CRM): why we won" rows={p.crmReasons.win} what="deals" />
            <Reasons title="Reps (CRM): why we lost" rows={p.crmReasons.loss} what="deals" />
          </div>
          <p className="muted small">
            Buyers: reason codes from {formatInt(p.interviewReasons.interviews)} complete interviews on deals where they
            were involved. Reps: the reason recorded in the CRM. Where the two differ is itself a finding.
          </p>
        </section>
        <section className="panel">
          <h2>Ratings: us vs them (1 to 5)</h2>
          {p.ratings.length === 0 ? (
            <p className="muted">No ratings in interviews yet.</p>
          ) : (
            <ExportableTable
              context={context('ratings, us vs them', {
                n: { value: p.interviewReasons.interviews, of: 'complete interviews' },
                interval: null,
                measure: 'mean rating, 1 to 5',
              })}
              testId="ratings-export"
            >
              <table className="data-table" data-testid="ratings">
                <thead>
                  <tr>
                    <th>Criterion</th>
                    <th className="num">Us</th>
                    <th className="num">{p.name}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.ratings.map((r) => (
                    <tr key={r.criterion}>
                      <td>{r.criterion}</td>
                      <td className="num">
                        {r.us === null ? '–' : r.us.toFixed(1)} <span className="muted small">n={r.usN}</span>
                      </td>
                      <td className="num">
                        {r.them === null ? '–' : r.them.toFixed(1)} <span className="muted small">n={r.themN}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ExportableTable>
          )}
        </section>
        <section className="panel">
          <h2>Quotes that mention them</h2>
          {p.quotes.length === 0 ? (
            <p className="muted">No quotes name them.</p>
          ) : (
            <ul className="quotes" data-testid="quotes">
              {p.quotes.slice(0, 8).map((q) => (
                <li key={q.id} className={`quote quote-${q.sentiment}`}>
                  <blockquote>{q.text}</blockquote>
                  <div className="muted small">
                    {q.speaker} · {q.dealName} ({OUTCOME_LABEL[q.outcome]}) · {q.interviewDate ?? '–'}
                    {!q.shareable && <span className="badge">internal only</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel wide">
          <h2>Recent deals</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>Deal</th>
                <th>Account</th>
                <th className="num">Amount</th>
                <th>Closed</th>
                <th>Outcome</th>
                <th>Competitors</th>
              </tr>
            </thead>
            <tbody>
              {p.recentDeals.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.account ?? '–'}</td>
                  <td className="num">{d.amount === null ? '–' : formatMoney(d.amount, p.currency)}</td>
                  <td className="date">{d.closeDate ?? 'open'}</td>
                  <td className={`outcome outcome-${d.outcome}`}>{OUTCOME_LABEL[d.outcome]}</td>
                  <td>{d.competitors ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="notes muted small">
        <p>
          {p.definition} Head-to-head counts only deals where they were the primary competitor. Intervals are 95% Wilson
          score intervals.
        </p>
      </div>
    </div>
  );
}

export function CompetitorProfileView({ id }: { id: number }) {
  const [period, setPeriod] = useState<Period>({});
  const profile = useQuery((api) => api.competitorProfile.get({ id, period }), [id, period]);
  if (profile.error && !profile.data)
    return <ErrorMessage error={profile.error} title="The profile could not be loaded" />;
  if (!profile.data) return <p className="muted">Loading…</p>;
  return (
    <>
      {profile.error && <ErrorMessage error={profile.error} />}
      <Profile p={profile.data} period={period} setPeriod={setPeriod} />
    </>
  );
}
