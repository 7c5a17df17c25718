// The Funnel area's Sourced tab: pipeline and won revenue by who sourced it, the share marketing
// influenced, and won revenue attributed to campaigns and channels under a model the user picks,
// with that model's weights published beside the figures. Definitions: docs/METRICS.md#sourced-and-influenced.
import { useState } from 'react';
import { weightTable } from '#shared/analytics/attribution.ts';
import type { DealType } from '#shared/domain/enums.ts';
import { DEAL_TYPE_LABEL, DEAL_TYPES } from '#shared/domain/enums.ts';
import type {
  AttributionModel,
  AttributionReport,
  SourcedMeasure,
  SourcedReport,
  WeightRow,
} from '#shared/domain/sourced.ts';
import { ATTRIBUTION_MODELS, MODEL_LABEL, SOURCED_LABEL } from '#shared/domain/sourced.ts';
import { useQuery } from '../api/use-query.ts';
import { sourcedVsInfluencedOption } from '../charts/sourced-charts.ts';
import { DateInput } from '../components/DateInput.tsx';
import { EChart } from '../components/EChart.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { SegmentedControl } from '../components/SegmentedControl.tsx';
import { formatInt, formatPercent } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';
import css from './funnel.module.css';

const amountFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Exact to the cent: attributed credits are whole cents and must add up on screen. */
const amount = (x: number) => amountFmt.format(x);
const weightFmt = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

function MeasureTable({ m }: { m: SourcedMeasure }) {
  const types = DEAL_TYPES.filter((t) => m.lines.some((l) => l.byType[t].n > 0));
  return (
    <table className={css.table} data-testid={`sourced-${m.measure}`}>
      <caption>{m.label}</caption>
      <thead>
        <tr>
          <th>Sourced by</th>
          <th className={css.num}>Deals</th>
          <th className={css.num}>Amount</th>
          <th className={css.num}>Share of amount</th>
          <th>Share of deals</th>
          {types.map((t: DealType) => (
            <th key={t} className={css.num}>
              {DEAL_TYPE_LABEL[t]}
            </th>
          ))}
          <th>Influenced by marketing (deals)</th>
          <th className={css.num}>Influenced (amount)</th>
        </tr>
      </thead>
      <tbody>
        {m.lines.map((l) => (
          <tr key={l.sourcedBy} data-testid={`sourced-${m.measure}-${l.sourcedBy}`}>
            <th scope="row">{l.sourcedBy === 'all' ? 'All' : SOURCED_LABEL[l.sourcedBy]}</th>
            <td className={css.num}>{formatInt(l.total.n)}</td>
            <td className={css.num}>{amount(l.total.amount)}</td>
            <td className={css.num}>{formatPercent(l.amountShare)}</td>
            <td>{l.sourcedBy === 'all' ? '' : <RateView rate={l.share} hitsLabel="sourced" />}</td>
            {types.map((t) => (
              <td key={t} className={css.num} title={`${formatInt(l.byType[t].n)} deals`}>
                {amount(l.byType[t].amount)} <span className={css.muted}>n={formatInt(l.byType[t].n)}</span>
              </td>
            ))}
            <td>
              <RateView rate={l.influenced} hitsLabel="influenced" />
            </td>
            <td className={css.num} data-testid="influenced-amount-share">
              {formatPercent(l.influencedAmountShare)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WeightsTable({ model }: { model: AttributionModel }) {
  const rows: WeightRow[] = weightTable(model);
  const width = Math.max(...rows.map((r) => r.touches));
  return (
    <table className={`${css.table} ${css.compact}`} data-testid="weights-table">
      <caption>Weights of {MODEL_LABEL[model]}: share of a won deal’s amount per touch, in date order</caption>
      <thead>
        <tr>
          <th>Touches</th>
          {model === 'w' && <th>Opportunity touch</th>}
          {Array.from({ length: width }, (_, i) => (
            <th key={i} className={css.num}>
              T{i + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.touches}-${r.opportunityAt}`}>
            <th scope="row">{r.touches}</th>
            {model === 'w' && <td>T{r.opportunityAt}</td>}
            {Array.from({ length: width }, (_, i) => (
              <td key={i} className={css.num}>
                {i < r.weights.length ? weightFmt.format(r.weights[i]!) : ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Attribution({ a }: { a: AttributionReport }) {
  return (
    <>
      <p data-testid="attribution-summary">
        {formatInt(a.attributedDeals)} of {formatInt(a.wonDeals)} won deals had a campaign touch on or before close:{' '}
        {amount(a.attributedAmount)} of {amount(a.wonAmount)} attributed. Unattributed: {formatInt(a.unattributedDeals)}{' '}
        deals, {amount(a.unattributedAmount)}.
      </p>
      {a.campaigns.length === 0 ? (
        <p className={css.muted}>
          No won deal in this period has a campaign touch. Import campaign touches (Salesforce CampaignMember) with the
          leads or deals they touched.
        </p>
      ) : (
        <div className={css.twoCols}>
          <table className={css.table} data-testid="attribution-campaigns">
            <caption>Won revenue by campaign</caption>
            <thead>
              <tr>
                <th>Campaign</th>
                <th>Channel</th>
                <th className={css.num}>Won deals touched</th>
                <th className={css.num}>Attributed</th>
                <th className={css.num}>Share</th>
              </tr>
            </thead>
            <tbody>
              {a.campaigns.map((c) => (
                <tr key={c.campaignId} data-testid="campaign-row">
                  <th scope="row">{c.campaign}</th>
                  <td>{c.channel}</td>
                  <td className={css.num}>{formatInt(c.deals)}</td>
                  <td className={css.num} data-testid="campaign-amount">
                    {amount(c.amount)}
                  </td>
                  <td className={css.num}>{formatPercent(c.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className={css.table} data-testid="attribution-channels">
            <caption>Won revenue by channel</caption>
            <thead>
              <tr>
                <th>Channel</th>
                <th className={css.num}>Won deals touched</th>
                <th className={css.num}>Attributed</th>
                <th className={css.num}>Share</th>
              </tr>
            </thead>
            <tbody>
              {a.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{c.channel}</th>
                  <td className={css.num}>{formatInt(c.deals)}</td>
                  <td className={css.num}>{amount(c.amount)}</td>
                  <td className={css.num}>{formatPercent(c.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Figures({ r }: { r: SourcedReport }) {
  return (
    <>
      <p className={css.muted}>{r.definition}</p>
      <EChart
        option={sourcedVsInfluencedOption([r.pipeline, r.won])}
        height={160}
        label="Share of amount sourced by marketing and influenced by marketing"
        testId="sourced-chart"
      />
      <MeasureTable m={r.pipeline} />
      <MeasureTable m={r.won} />
    </>
  );
}

export function SourcedView() {
  const [model, setModel] = useState<AttributionModel>('linear');
  const [period, setPeriod] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const q = useQuery((api) => api.sourced.report({ model, ...period }), [model, period]);
  const r = q.data;
  const noDeals = r !== undefined && r.pipeline.lines.at(-1)!.total.n === 0 && r.won.lines.at(-1)!.total.n === 0;
  return (
    <>
      <div className={css.controls}>
        <label>
          From
          <DateInput
            value={period.from ?? ''}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value || null }))}
            data-testid="sourced-from"
          />
        </label>
        <label>
          To
          <DateInput
            value={period.to ?? ''}
            onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value || null }))}
            data-testid="sourced-to"
          />
        </label>
      </div>
      {q.error && <ErrorMessage error={q.error} />}
      {!r && !q.error && <p>Loading…</p>}
      {noDeals && (
        <EmptyState title="No deals in this period">
          <p>Widen the period, or import deals with a “Sourced by” or lead source column and their campaign touches.</p>
          <a className="button" href={hrefFor('/deals', { tab: 'import', what: 'leads' })}>
            Import leads and campaign touches
          </a>
        </EmptyState>
      )}
      {r && !noDeals && <Figures r={r} />}
      <section className="panel" aria-labelledby="attribution-title">
        <h2 id="attribution-title">Won revenue attributed to campaigns</h2>
        <SegmentedControl
          label="Attribution model"
          value={model}
          options={ATTRIBUTION_MODELS.map((m) => ({ value: m, label: MODEL_LABEL[m] }))}
          onChange={setModel}
          testId="sourced-model"
        />
        <WeightsTable model={model} />
        <p className={css.muted}>
          Touches of a won deal and of the leads converted into it, on or before its close date, one per campaign and
          day. U: 40% first, 40% last, 20% shared by the touches between. W: 30% each to the first touch, the
          opportunity touch (the last on or before the deal was created, else the first) and the last, 10% shared by the
          others. A touch with two roles gets both shares; with no touch left over, the remainder is shared by all. Each
          deal’s credits are rounded to cents and add up to its amount.
        </p>
        {r && r.attribution.model === model && <Attribution a={r.attribution} />}
      </section>
    </>
  );
}
