// Home's first row: revenue before lead counts (docs/METRICS.md#home-revenue-first). MQL-to-won
// conversion, MQL-to-won velocity, the competitive win rate and NRR, each with its n and interval (or
// quartiles), then the MQL count. Reuses the Funnel and Retention calls; nothing here is computed twice.
import { latestTtm, pooledMatureConversion } from '#shared/analytics/revenue-first.ts';
import type { DashboardSummary } from '#shared/domain/dashboard.ts';
import type { ConfidenceThresholds } from '#shared/domain/settings.ts';
import { useQuery } from '../api/use-query.ts';
import { RateView } from '../components/RateView.tsx';
import { formatInt, formatPercent } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';

function MqlTiles({ t }: { t: ConfidenceThresholds }) {
  const trap = useQuery((api) => api.funnel.trap(), []);
  const velocity = useQuery((api) => api.funnel.velocity({ stepsOnly: true }), []);
  const pooled = trap.data ? pooledMatureConversion(trap.data.quarters, t) : null;
  const mqlWon = velocity.data?.steps.find((s) => s.key === 'mql_won')?.current ?? null;
  return (
    <>
      <div className="tile" data-testid="tile-mql-won">
        <div className="tile-label">MQL → won · last four mature quarters</div>
        {pooled ? (
          <>
            <RateView rate={pooled.rate} big />
            <div className="muted">
              {formatInt(pooled.rate.hits)} won of {formatInt(pooled.rate.n)} MQLs, {pooled.quarters[0]} to{' '}
              {pooled.quarters.at(-1)}
            </div>
          </>
        ) : (
          <div className="muted">{trap.data ? 'No mature MQL cohort yet' : 'Loading…'}</div>
        )}
      </div>
      <div className="tile" data-testid="tile-velocity">
        <div className="tile-label">MQL → won velocity</div>
        {mqlWon && mqlWon.n > 0 ? (
          <>
            <div className="tile-value">{mqlWon.median!.toFixed(0)} days</div>
            <div className="muted">
              median; quartiles {mqlWon.q1!.toFixed(0)}–{mqlWon.q3!.toFixed(0)} days · n={formatInt(mqlWon.n)} won{' '}
              {velocity.data!.from} to {velocity.data!.to}
            </div>
          </>
        ) : (
          <div className="muted">{velocity.data ? 'No MQL won in the last 365 days' : 'Loading…'}</div>
        )}
      </div>
    </>
  );
}

/** After the revenue figures, never before them: the MQL volume of the last four quarters. */
function MqlCountTile() {
  const trap = useQuery((api) => api.funnel.trap(), []);
  const recent = trap.data?.quarters.slice(-4) ?? [];
  return (
    <div className="tile" data-testid="tile-mqls">
      <div className="tile-label">MQLs · last four quarters</div>
      <div className="tile-value">{formatInt(recent.reduce((sum, q) => sum + q.mqls, 0))}</div>
      <div className="muted">{recent.length > 0 ? `${recent[0]!.quarter} to ${recent.at(-1)!.quarter}` : ''}</div>
    </div>
  );
}

function NrrTile() {
  const movements = useQuery((api) => api.retention.movements({ grain: 'month' }), []);
  const latest = movements.data ? latestTtm(movements.data.periods) : null;
  const nrr = latest?.ttm.nrr ?? null;
  return (
    <div className="tile" data-testid="tile-nrr">
      <div className="tile-label">Net revenue retention · 12 months</div>
      {latest && nrr ? (
        <>
          <div className={`tile-value ${nrr.confidence === 'ok' ? '' : 'rate-low'}`}>
            {nrr.confidence === 'hidden' ? '–' : formatPercent(nrr.value)}
          </div>
          <div className="muted">
            {latest.label} against a year earlier · n={formatInt(latest.ttm.baseCustomers)} customers
          </div>
        </>
      ) : (
        <div className="muted">{movements.data ? 'Needs a year of customer revenue' : 'Loading…'}</div>
      )}
    </div>
  );
}

export function RevenueFirst({ s, t }: { s: DashboardSummary; t: ConfidenceThresholds }) {
  const leads = s.leadsTotal > 0;
  return (
    <div className="tiles" data-testid="revenue-first">
      {leads ? (
        <MqlTiles t={t} />
      ) : (
        <div className="tile" data-testid="tile-no-leads">
          <div className="tile-label">MQL → won and velocity</div>
          <p className="muted">
            No leads yet. <a href={hrefFor('/deals', { tab: 'import', what: 'leads' })}>Import leads</a> (a Salesforce
            Lead export, or HubSpot contacts with lifecycle dates) to see how many MQLs become won deals, and how fast.
          </p>
        </div>
      )}
      <div className="tile" data-testid="tile-competitive">
        <div className="tile-label">Competitive win rate · new business</div>
        <RateView rate={s.competitiveWinRate} big />
        <div className="muted">
          {formatInt(s.competitiveWinRate.hits)} won of {formatInt(s.competitiveWinRate.n)} closed deals with a
          competitor
        </div>
      </div>
      <NrrTile />
      {leads && <MqlCountTile />}
    </div>
  );
}
