// The home dashboard: real figures from the workspace, every rate with its n and 95% interval.
import { useMemo } from 'react';
import type { DashboardSummary } from '#shared/domain/dashboard.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import type { ConfidenceThresholds } from '#shared/domain/settings.ts';
import type { AppInfo } from '#shared/domain/workspace.ts';
import { useQuery } from '../api/use-query.ts';
import { useSettings } from '../settings/use-settings.ts';
import { competitorsOption, outcomesOption, winRateTrendOption } from '../charts/dashboard-charts.ts';
import { periodText } from '#shared/export/context.ts';
import { DataQualityNote } from '../components/DataQualityNote.tsx';
import { EChart } from '../components/EChart.tsx';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { NoCompetitors } from '../components/NoCompetitors.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { formatInt, formatMoney, formatPercent } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';
import { DemoLoader } from './DemoLoader.tsx';
import { RevenueFirst } from './RevenueFirst.tsx';
import { Welcome } from './Welcome.tsx';

export function HomePage({ info }: { info: AppInfo }) {
  const summary = useQuery((api) => api.dashboard.summary(), []);
  const settings = useSettings();
  // Starting empty (settings:update) or loading the demo (a job) invalidates both: no reload here.
  if (summary.error) return <ErrorMessage error={summary.error} title="The dashboard could not be loaded" />;
  if (settings.error) return <ErrorMessage error={settings.error} />;
  if (!summary.data || !settings.data) return <p className="muted">Loading…</p>;
  const s = summary.data;
  if (s.dealsTotal === 0 && !settings.data.onboarded) {
    return <Welcome workspaceName={info.workspace?.name ?? ''} />;
  }
  if (s.dealsTotal === 0) {
    return (
      <EmptyState title="No deals in this workspace yet">
        <p>
          <a href="#/deals?tab=import">Import a CSV export from your CRM</a> (Salesforce, HubSpot, Pipedrive or a
          spreadsheet), or load the demo company to explore the analyses.
        </p>
        <DemoLoader />
      </EmptyState>
    );
  }
  return <Dashboard s={s} t={settings.data} />;
}

function Dashboard({ s, t }: { s: DashboardSummary; t: ConfidenceThresholds }) {
  const outcomes = useMemo(() => outcomesOption(s.outcomes), [s.outcomes]);
  const trend = useMemo(() => winRateTrendOption(s.winRateByQuarter), [s.winRateByQuarter]);
  const competitors = useMemo(() => competitorsOption(s.topCompetitors), [s.topCompetitors]);
  const open = s.outcomes.find((o) => o.outcome === 'open')?.deals ?? 0;
  const period = periodText(s.firstCloseDate, s.lastCloseDate, 'close date');
  const met = s.topCompetitors.reduce((a, c) => a + c.encounters, 0);
  return (
    <div className="dashboard" data-testid="dashboard">
      <header className="page-head">
        <h1>Home</h1>
        <p className="muted definition" data-testid="definition">
          {closedDefinition(s)} Intervals are 95% Wilson score intervals.
          {s.firstCloseDate && ` Closed deals from ${s.firstCloseDate} to ${s.lastCloseDate}.`}
        </p>
      </header>
      <RevenueFirst s={s} t={t} />
      <div className="tiles">
        <div className="tile" data-testid="tile-deals">
          <div className="tile-label">Deals</div>
          <div className="tile-value">{formatInt(s.dealsTotal)}</div>
          <div className="muted">{formatInt(open)} open</div>
        </div>
        <div className="tile" data-testid="tile-win-rate">
          <div className="tile-label">Win rate · new business</div>
          <RateView rate={s.winRate} big />
          <div className="muted" data-testid="win-rate-counts">
            {formatInt(s.winRate.hits)} won of {formatInt(s.winRate.n)} closed
          </div>
        </div>
        <div className="tile" data-testid="tile-win-rate-all">
          <div className="tile-label">Win rate · all deal types</div>
          <RateView rate={s.winRateAllTypes} />
          <div className="muted">
            By amount (new business): {formatPercent(s.winRateByAmount.rate)} of{' '}
            {formatMoney(s.winRateByAmount.closedAmount, s.currency)}
          </div>
        </div>
        <div className="tile" data-testid="tile-interviews">
          <div className="tile-label">Interviews logged</div>
          <div className="tile-value">{formatInt(s.interviews.total)}</div>
          <div className="muted">
            {formatInt(s.interviews.complete)} complete · {formatInt(s.interviews.draft)} drafts ·{' '}
            {formatInt(s.interviews.dealsCovered)} deals
          </div>
        </div>
        <div className="tile" data-testid="tile-last-import">
          <div className="tile-label">Last import</div>
          {s.lastImport ? (
            <>
              <div className="tile-text">{s.lastImport.sourceName}</div>
              <div className="muted">
                {s.lastImport.finishedAt.slice(0, 10)} · {formatInt(s.lastImport.rowsInserted)} added ·{' '}
                {formatInt(s.lastImport.rowsUpdated)} updated · {formatInt(s.lastImport.rowsRejected)} rejected
              </div>
            </>
          ) : (
            <div className="muted">None yet</div>
          )}
        </div>
      </div>
      <DataQualityNote />
      <div className="charts">
        <section className="panel">
          <h2>Deals by outcome</h2>
          <EChart
            option={outcomes}
            label="Bar chart of deals by outcome"
            testId="chart-outcomes"
            exportAs={{
              title: 'Deals by outcome',
              n: { value: s.dealsTotal, of: 'deals (open included)' },
              period: 'all dates',
              measure: 'deal count',
            }}
          />
        </section>
        <section className="panel">
          <h2>New-business win rate by close quarter</h2>
          <EChart
            option={trend}
            label="Line chart of win rate by quarter with 95% interval band"
            testId="chart-trend"
            exportAs={{
              title: 'New-business win rate by close quarter',
              n: { value: s.winRate.n, of: 'closed new-business deals' },
              interval: '95% Wilson interval (band); grey points below the low-confidence n',
              filters: [{ label: 'Deal type', values: ['New business'] }],
              period,
              measure: 'win rate by count',
            }}
          />
          <p className="muted small">
            Shaded: 95% interval. Grey points: n below the low-confidence threshold; quarters with too few deals have no
            point.
          </p>
        </section>
        <section className="panel wide">
          <h2>Competitors met most often</h2>
          {s.topCompetitors.length === 0 ? (
            <NoCompetitors />
          ) : (
            <>
              <EChart
                option={competitors}
                height={300}
                label="Bar chart of competitors by deals met"
                testId="chart-competitors"
                exportAs={{
                  title: 'Competitors met most often',
                  n: { value: met, of: 'competitor encounters' },
                  period: 'all dates',
                  measure: 'deals met',
                }}
              />
              <ExportableTable
                context={{
                  title: 'Competitors met most often, with our win rate against them',
                  n: { value: met, of: 'competitor encounters' },
                  interval: '95% Wilson intervals',
                  period: 'all dates',
                  measure: 'deals met; win rate by count',
                }}
                testId="competitor-table-export"
              >
                <table className="data-table" data-testid="competitor-table">
                  <thead>
                    <tr>
                      <th>Competitor</th>
                      <th className="num">Deals met</th>
                      <th className="num">Closed</th>
                      <th>Our win rate against them (95% CI, n)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.topCompetitors.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <a href={hrefFor('/competitors', { id: c.id })} title="Open the competitor's profile">
                            {c.name}
                          </a>
                        </td>
                        <td className="num">{formatInt(c.encounters)}</td>
                        <td className="num">{formatInt(c.closed)}</td>
                        <td>
                          <RateView rate={c.winRate} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ExportableTable>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
