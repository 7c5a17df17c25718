// The win/loss overview: overall win rate over time, the share of no-decision outcomes,
// competitors by encounters and by interval lower bound, and the significant movers of the latest
// quarter.
import { useMemo, useState } from 'react';
import type { OverviewScope, OverviewSummary } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL } from '#shared/domain/win-rates.ts';
import { useQuery } from '../api/use-query.ts';
import { encountersOption, rateBandOption } from '../charts/win-rates-charts.ts';
import { EChart } from '../components/EChart.tsx';
import { NoCompetitors } from '../components/NoCompetitors.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { formatInt } from '../lib/format.ts';
import type { FigureContext } from '../components/figure-context.ts';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { periodText, rankByLowerBound } from './query.ts';

const pts = (x: number | null) => (x === null ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`);

function Body({ s }: { s: OverviewSummary }) {
  const trend = useMemo(() => rateBandOption(s.winRateOverTime.map((p) => ({ period: p.period, rate: p.rate }))), [s]);
  const nd = useMemo(
    () =>
      rateBandOption(
        s.noDecisionOverTime.map((p) => ({ period: p.period, rate: p.share })),
        'No-decision share',
      ),
    [s],
  );
  const enc = useMemo(() => encountersOption(s.competitors), [s]);
  const ranked = useMemo(() => rankByLowerBound(s.competitors.filter((c) => c.encounters > 0)), [s]);
  const scope = s.scope === 'newBusiness' ? [{ label: 'Deal type', values: ['New business'] }] : [];
  const context = (title: string, extra: Partial<FigureContext> = {}): FigureContext => ({
    title,
    n: { value: s.overall.closed, of: 'closed deals' },
    interval: '95% Wilson score intervals',
    filters: scope,
    period: periodText(s.period),
    measure: 'win rate by count',
    ...extra,
  });
  return (
    <div className="overview" data-testid="overview">
      <div className="tiles">
        <div className="tile">
          <div className="tile-label">Win rate</div>
          <RateView rate={s.overall.rate} big />
          <div className="muted">
            {formatInt(s.overall.won)} won of {formatInt(s.overall.closed)} closed
          </div>
        </div>
        <div className="tile" data-testid="tile-no-decision">
          <div className="tile-label">No-decision share</div>
          <RateView rate={s.noDecisionShare} big />
          <div className="muted">of deals that ended (won, lost or no decision)</div>
        </div>
        <div className="tile">
          <div className="tile-label">Competitors met</div>
          <div className="tile-value">{formatInt(s.competitors.filter((c) => c.encounters > 0).length)}</div>
        </div>
        <div className="tile">
          <div className="tile-label">Closed deals from</div>
          <div className="tile-text">
            {s.firstCloseDate ?? '–'} to {s.lastCloseDate ?? '–'}
          </div>
        </div>
      </div>
      <div className="charts">
        <section className="panel">
          <h2>Win rate by close quarter</h2>
          <EChart
            option={trend}
            label="Win rate by quarter with 95% interval band"
            testId="overview-trend"
            exportAs={context('Win rate by close quarter')}
          />
        </section>
        <section className="panel">
          <h2>Share of no-decision outcomes</h2>
          <EChart
            option={nd}
            label="No-decision share by quarter with 95% interval band"
            testId="overview-nd"
            exportAs={context('Share of no-decision outcomes by close quarter', {
              n: { value: s.noDecisionShare.n, of: 'deals that ended (won, lost or no decision)' },
              measure: 'no-decision deals / deals that ended, whatever the closed setting',
            })}
          />
        </section>
        <section className="panel">
          <h2>Competitors by deals met</h2>
          {ranked.length === 0 ? (
            <NoCompetitors />
          ) : (
            <EChart
              option={enc}
              height={Math.max(220, 24 * Math.min(15, s.competitors.length) + 40)}
              label="Bar chart of competitors by deals met"
              testId="overview-competitors"
              exportAs={context('Competitors by deals met', {
                n: { value: s.competitors.reduce((a, c) => a + c.encounters, 0), of: 'competitor encounters' },
                interval: null,
                measure: 'deals met (open included)',
              })}
            />
          )}
        </section>
        <section className="panel">
          <h2>Where we are strongest: by the interval&apos;s lower bound</h2>
          {ranked.length === 0 ? (
            <p className="muted">No competitor to rank yet.</p>
          ) : (
            <ExportableTable
              context={context('Where we are strongest: competitors by the win rate interval’s lower bound')}
              testId="ranked-export"
            >
              <table className="data-table" data-testid="ranked-competitors">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Competitor</th>
                    <th className="num">Deals met</th>
                    <th>Win rate against them (95% CI, n)</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.slice(0, 12).map((c, i) => (
                    <tr key={c.id}>
                      <td>{i + 1}</td>
                      <td>
                        <a href={`#/competitors?id=${c.id}`}>{c.name}</a>
                      </td>
                      <td className="num">{formatInt(c.encounters)}</td>
                      <td>
                        <RateView rate={c.involved} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ExportableTable>
          )}
          <p className="muted small">
            Ranked by the lower end of the 95% interval, so a 2-of-2 record cannot top the list.
          </p>
        </section>
        <section className="panel wide">
          <h2>Biggest significant movers</h2>
          {s.moversA && s.moversB ? (
            <p className="muted">
              The year up to the last close ({periodText(s.moversB)}) against the year before ({periodText(s.moversA)}),
              by competitor, segment, region and product; only changes whose 95% interval excludes 0.
            </p>
          ) : null}
          {s.moversA && s.firstCloseDate && s.moversA.to && s.firstCloseDate > s.moversA.to ? (
            <p className="muted" data-testid="no-movers">
              Nothing to compare yet: no deal closed in the earlier year ({periodText(s.moversA)}); the data starts on{' '}
              {s.firstCloseDate}.
            </p>
          ) : s.movers.length === 0 ? (
            <p className="muted" data-testid="no-movers">
              No significant change: every interval for a difference includes 0.
            </p>
          ) : (
            <ExportableTable
              context={context('Biggest significant movers', {
                interval: '95% Newcombe intervals of each change; rates with 95% Wilson intervals',
                period:
                  s.moversA && s.moversB
                    ? `${periodText(s.moversB)} against ${periodText(s.moversA)}`
                    : periodText(s.period),
              })}
              testId="movers-export"
            >
              <table className="data-table" data-testid="movers">
                <thead>
                  <tr>
                    <th>What</th>
                    <th>Dimension</th>
                    <th className="num">Before</th>
                    <th className="num">Now</th>
                    <th className="num">Change (points)</th>
                    <th>95% interval (Newcombe)</th>
                  </tr>
                </thead>
                <tbody>
                  {s.movers.map((m) => (
                    <tr key={`${m.dimension}:${m.row}`}>
                      <td>{m.label}</td>
                      <td>{DIMENSION_LABEL[m.dimension]}</td>
                      <td className="num">{m.a ? <RateView rate={m.a.rate} /> : '–'}</td>
                      <td className="num">{m.b ? <RateView rate={m.b.rate} /> : '–'}</td>
                      <td className={`num ${(m.difference ?? 0) > 0 ? 'chg-up' : 'chg-down'}`}>
                        {(m.difference ?? 0) > 0 ? '▲ ' : '▼ '}
                        {pts(m.difference)}
                      </td>
                      <td>
                        {pts(m.low)} to {pts(m.high)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ExportableTable>
          )}
        </section>
      </div>
      <div className="notes muted small">
        <p>{s.definition} Intervals are 95% Wilson score intervals.</p>
        <p>
          {s.scope === 'newBusiness' ? 'New-business deals only.' : 'All deal types.'} The no-decision share counts won,
          lost and no-decision deals whatever the closed setting.
        </p>
      </div>
    </div>
  );
}

export function OverviewPanel() {
  const [scope, setScope] = useState<OverviewScope>('newBusiness');
  const summary = useQuery((api) => api.overview.summary({ period: {}, scope }), [scope]);
  const picker = (
    <label className="control inline scope">
      Deals
      <select value={scope} onChange={(e) => setScope(e.target.value as OverviewScope)} data-testid="overview-scope">
        <option value="newBusiness">New business only</option>
        <option value="all">All deal types (renewals, expansions and cross-sell too)</option>
      </select>
    </label>
  );
  if (summary.error) return <ErrorMessage error={summary.error} title="The overview could not be loaded" />;
  if (!summary.data) return <p className="muted">Loading…</p>;
  if (summary.data.overall.closed === 0)
    return (
      <EmptyState title="No closed deals yet">
        <p>Win rates need closed deals. Import deals from your CRM, or load the demo company from Home.</p>
      </EmptyState>
    );
  return (
    <>
      {picker}
      <Body s={summary.data} />
    </>
  );
}
