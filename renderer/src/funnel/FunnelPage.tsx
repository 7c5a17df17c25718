// The Funnel area: the funnel (cohort or period, by a field, drill to the items), the MQL trap,
// velocity with stuck items and the needed-MQL planner. Definitions: docs/METRICS.md#funnel.
import { useState } from 'react';
import type { Rate } from '#shared/analytics/rate.ts';
import type {
  FunnelField,
  FunnelGroup,
  FunnelMode,
  FunnelStage,
  FunnelStart,
  Spread,
  VelocityStep,
} from '#shared/domain/funnel.ts';
import { FIELD_LABEL, FUNNEL_FIELDS, MODE_LABEL, STAGE_LABEL, STATUS_LABEL } from '#shared/domain/funnel.ts';
import { useQuery } from '../api/use-query.ts';
import { funnelBarsOption, histogramOption, trapOption } from '../charts/funnel-charts.ts';
import { periodText } from '#shared/export/context.ts';
import { EChart } from '../components/EChart.tsx';
import type { FigureContext } from '../components/figure-context.ts';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { SegmentedControl } from '../components/SegmentedControl.tsx';
import { formatInt } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';
import { CriteriaView } from './CriteriaView.tsx';
import css from './funnel.module.css';
import { PlannerView } from './PlannerView.tsx';
import { SourcedView } from './SourcedView.tsx';
import { DateInput } from '../components/DateInput.tsx';

type Tab = 'funnel' | 'velocity' | 'sourced' | 'criteria' | 'planner';
type DrillKind = 'reached' | 'open' | 'out' | 'lost' | 'no_decision';
interface Drill {
  stage: FunnelStage;
  kind: DrillKind;
  group: string | null;
  label: string;
}
interface Scope {
  mode: FunnelMode;
  start: FunnelStart;
  from: string | null;
  to: string | null;
  by: FunnelField | null;
}

function Count({ n, label, onDrill, testId }: { n: number; label: string; onDrill: () => void; testId?: string }) {
  if (n === 0) return <span>0</span>;
  return (
    <button
      type="button"
      className={css.countButton}
      onClick={onDrill}
      aria-label={`${label}: ${n}, list them`}
      data-testid={testId}
    >
      {formatInt(n)}
    </button>
  );
}

function RateCell({ rate, ratio }: { rate: Rate | null; ratio: boolean }) {
  if (!rate) return null;
  if (ratio)
    return (
      <span title="Ratio of different items (period mode): no interval">
        {rate.rate === null ? '–' : `${(rate.rate * 100).toFixed(1)}%`}
      </span>
    );
  return <RateView rate={rate} />;
}

/** What a funnel figure shows, for its export: the scope's mode, start, period and split. */
function funnelContext(title: string, scope: Scope, g: FunnelGroup): FigureContext {
  const cohort = scope.mode === 'cohort';
  return {
    title,
    n: { value: g.steps[0]?.count ?? 0, of: `items at ${STAGE_LABEL[scope.start]}` },
    interval: cohort
      ? '95% Wilson intervals of step and cumulative conversion'
      : 'none: period-mode conversions are ratios of different items',
    filters: scope.by && g.label !== 'All' ? [{ label: FIELD_LABEL[scope.by], values: [g.label] }] : [],
    period: periodText(scope.from, scope.to, cohort ? 'entry into the first stage' : 'each stage’s own date'),
    measure: `${MODE_LABEL[scope.mode]}; first stage ${STAGE_LABEL[scope.start]}`,
  };
}

function FunnelTable({ g, scope, onDrill }: { g: FunnelGroup; scope: Scope; onDrill: (d: Drill) => void }) {
  const cohort = scope.mode === 'cohort';
  const drill = (stage: FunnelStage, kind: DrillKind, label: string) => () =>
    onDrill({
      stage,
      kind,
      group: scope.by ? g.key : null,
      label: `${g.label === 'All' ? '' : `${g.label} · `}${label}`,
    });
  return (
    <table className={css.table} data-testid="funnel-table">
      <thead>
        <tr>
          <th>Stage</th>
          <th className={css.num}>Count</th>
          {cohort && <th className={css.num}>Still open here</th>}
          {cohort && <th className={css.num}>Out here</th>}
          <th>Step conversion</th>
          <th>Cumulative</th>
        </tr>
      </thead>
      <tbody>
        {g.steps.map((s) => (
          <tr key={s.stage}>
            <th scope="row">{STAGE_LABEL[s.stage]}</th>
            <td className={css.num}>
              <Count
                n={s.count}
                label={STAGE_LABEL[s.stage]}
                onDrill={drill(s.stage, 'reached', STAGE_LABEL[s.stage])}
                testId={`count-${s.stage}`}
              />
            </td>
            {cohort && (
              <td className={css.num}>
                <Count
                  n={s.open}
                  label={`Open at ${STAGE_LABEL[s.stage]}`}
                  onDrill={drill(s.stage, 'open', `open at ${STAGE_LABEL[s.stage]}`)}
                />
              </td>
            )}
            {cohort && (
              <td className={css.num}>
                <Count
                  n={s.out}
                  label={`Out at ${STAGE_LABEL[s.stage]}`}
                  onDrill={drill(s.stage, 'out', `disqualified or merged at ${STAGE_LABEL[s.stage]}`)}
                />
              </td>
            )}
            <td>
              <RateCell rate={s.step} ratio={!cohort} />
            </td>
            <td>
              <RateCell rate={s.cumulative} ratio={!cohort} />
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">Lost</th>
          <td className={css.num}>
            <Count n={g.lost} label="Lost" onDrill={drill('opportunity', 'lost', 'lost')} />
          </td>
        </tr>
        <tr>
          <th scope="row">No decision</th>
          <td className={css.num}>
            <Count n={g.noDecision} label="No decision" onDrill={drill('opportunity', 'no_decision', 'no decision')} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function DrillList({ scope, drill, onClose }: { scope: Scope; drill: Drill; onClose: () => void }) {
  const q = useQuery(
    (api) => api.funnel.items({ ...scope, stage: drill.stage, kind: drill.kind, group: drill.group, limit: 200 }),
    [scope, drill],
  );
  return (
    <section className="panel" aria-labelledby="drill-title" data-testid="funnel-drill">
      <h2 id="drill-title">
        {drill.label}: {q.data ? `${formatInt(q.data.total)} items` : '…'}
      </h2>
      <button type="button" className="secondary" onClick={onClose} autoFocus>
        Close the list
      </button>
      {q.error && <ErrorMessage error={q.error} />}
      {q.data && (
        <ExportableTable
          context={{
            ...funnelContext(`Funnel items: ${drill.label}`, scope, {
              key: '',
              label: drill.group ?? 'All',
              steps: [],
              lost: 0,
              noDecision: 0,
            }),
            n: { value: q.data.total, of: `items (${formatInt(q.data.items.length)} listed)` },
            interval: null,
          }}
          testId="funnel-drill-export"
        >
          <table className={css.table}>
            <thead>
              <tr>
                <th>Lead</th>
                <th>Deal</th>
                <th>Created</th>
                <th>MQL</th>
                <th>SQL</th>
                <th>Opportunity</th>
                <th>Closed</th>
                <th>Now</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((it) => (
                <tr key={`${it.kind}-${it.leadId ?? it.dealId}`} data-testid="drill-row">
                  <td>{it.leadExternalId ?? '–'}</td>
                  <td>
                    {it.dealId ? (
                      <a href={hrefFor('/deals', { deal: it.dealId })}>{it.dealExternalId ?? it.dealName}</a>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>{it.created ?? ''}</td>
                  <td>{it.mql ?? ''}</td>
                  <td>{it.sql ?? ''}</td>
                  <td>{it.opportunity ?? ''}</td>
                  <td>{it.closed ?? ''}</td>
                  <td>
                    {STATUS_LABEL[it.status]}
                    {it.status === 'open' ? ` at ${STAGE_LABEL[it.stage]}` : ''}
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

function FunnelView() {
  const [scope, setScope] = useState<Scope>({ mode: 'cohort', start: 'lead', from: null, to: null, by: null });
  const [drill, setDrill] = useState<Drill | null>(null);
  const report = useQuery((api) => api.funnel.report(scope), [scope]);
  const trap = useQuery((api) => api.funnel.trap(), []);
  const set = (patch: Partial<Scope>) => {
    setDrill(null);
    setScope((s) => ({ ...s, ...patch }));
  };
  const r = report.data;
  return (
    <>
      <div className={css.controls}>
        <SegmentedControl
          label="Counting"
          value={scope.mode}
          options={[
            { value: 'cohort', label: 'Cohort', title: MODE_LABEL.cohort },
            { value: 'period', label: 'Period', title: MODE_LABEL.period },
          ]}
          onChange={(mode) => set({ mode })}
          testId="funnel-mode"
        />
        <SegmentedControl
          label="First stage"
          value={scope.start}
          options={[
            { value: 'lead', label: 'Lead' },
            { value: 'mql', label: 'MQL' },
          ]}
          onChange={(start) => set({ start })}
        />
        <label>
          From
          <DateInput value={scope.from ?? ''} onChange={(e) => set({ from: e.target.value || null })} />
        </label>
        <label>
          To
          <DateInput value={scope.to ?? ''} onChange={(e) => set({ to: e.target.value || null })} />
        </label>
        <label>
          Break down by
          <select
            value={scope.by ?? ''}
            onChange={(e) => set({ by: (e.target.value || null) as FunnelField | null })}
            data-testid="funnel-by"
          >
            <option value="">Nothing</option>
            {FUNNEL_FIELDS.map((f) => (
              <option key={f} value={f}>
                {FIELD_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className={css.mode} data-testid="funnel-mode-name">
        {MODE_LABEL[scope.mode]}
      </p>
      {report.error && <ErrorMessage error={report.error} />}
      {r && (
        <>
          <p className={css.muted}>
            {r.definition} Data until {r.asOf ?? '–'}.
          </p>
          {r.mature === false && (
            <p className={css.warning} data-testid="funnel-immature">
              Immature cohort: it ends less than the P90 MQL-to-won time ({r.maturityDays} days) before the data’s last
              date, so conversion is still rising. Open items are shown as open, not lost.
            </p>
          )}
          <div className={css.twoCols}>
            <ExportableTable
              context={funnelContext('Funnel: count and conversion per stage', scope, r.total)}
              testId="funnel-table-export"
            >
              <FunnelTable g={r.total} scope={scope} onDrill={setDrill} />
            </ExportableTable>
            <EChart
              option={funnelBarsOption(r.total.steps)}
              height={220}
              label="Funnel: count per stage"
              testId="funnel-chart"
              exportAs={funnelContext('Funnel: count per stage', scope, r.total)}
            />
          </div>
          {drill && <DrillList scope={scope} drill={drill} onClose={() => setDrill(null)} />}
          {r.groups.map((g) => (
            <section key={g.key} className="panel">
              <h3>
                {FIELD_LABEL[scope.by!]}: {g.label}
              </h3>
              <ExportableTable
                context={funnelContext(`Funnel: ${FIELD_LABEL[scope.by!]} ${g.label}`, scope, g)}
                testId={`funnel-group-export-${g.key}`}
              >
                <FunnelTable g={g} scope={scope} onDrill={setDrill} />
              </ExportableTable>
            </section>
          ))}
        </>
      )}
      <section className="panel" aria-labelledby="trap-title">
        <h2 id="trap-title">The MQL trap: volume against conversion</h2>
        <p className={css.muted}>
          Bars: MQLs per quarter. Line: MQL-to-won conversion of the quarter’s MQLs with its 95% Wilson band, mature
          cohorts only (older than the P90 MQL-to-won time
          {trap.data?.maturityDays ? `, ${trap.data.maturityDays} days` : ''}). Red: volume rose while conversion fell
          significantly (Newcombe interval of the change below 0).
        </p>
        {trap.data && (
          <EChart
            option={trapOption(trap.data)}
            height={300}
            label="MQL volume and MQL-to-won conversion per quarter"
            testId="trap-chart"
            exportAs={{
              title: 'The MQL trap: MQLs per quarter and mature MQL-to-won conversion',
              n: { value: trap.data.quarters.reduce((a, q) => a + q.mqls, 0), of: 'MQLs' },
              interval: '95% Wilson band of conversion; flags from Newcombe intervals of the change',
              period: periodText(trap.data.quarters[0]?.quarter, trap.data.quarters.at(-1)?.quarter, 'MQL quarter'),
              measure: 'MQL count (bars), MQL-to-won conversion of mature cohorts (line)',
            }}
          />
        )}
        {trap.data && (
          <ul data-testid="trap-flags">
            {trap.data.quarters
              .filter((q) => q.flagged)
              .map((q) => (
                <li key={q.quarter}>
                  {q.quarter}: {formatInt(q.mqls)} MQLs, conversion {((q.conversion?.rate ?? 0) * 100).toFixed(1)}%
                  (change {((q.change?.difference ?? 0) * 100).toFixed(1)} points, 95% CI{' '}
                  {((q.change?.low ?? 0) * 100).toFixed(1)} to {((q.change?.high ?? 0) * 100).toFixed(1)})
                </li>
              ))}
          </ul>
        )}
      </section>
    </>
  );
}

const spread = (s: Spread) => (s.n === 0 ? '–' : `${s.median!.toFixed(0)} d (${s.q1!.toFixed(0)}–${s.q3!.toFixed(0)})`);

function StepsTable({ steps, title, period }: { steps: VelocityStep[]; title: string; period: string }) {
  return (
    <ExportableTable
      context={{
        title: `Velocity: ${title}`,
        n: { value: steps.reduce((a, s) => a + s.current.n, 0), of: 'step durations this period' },
        interval: 'quartiles (25th–75th percentile) around each median',
        period,
        measure: 'whole days between stage dates',
      }}
      testId={`steps-export-${title.split(' ')[0]!.toLowerCase()}`}
    >
      <table className={css.table}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th>Step</th>
            <th>Median (quartiles), this period</th>
            <th className={css.num}>n</th>
            <th>Previous period</th>
            <th className={css.num}>Change</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>
                {spread(s.current)}
                {s.outOfOrder > 0 ? ` · ${s.outOfOrder} out of order` : ''}
              </td>
              <td className={css.num}>{formatInt(s.current.n)}</td>
              <td>{spread(s.previous)}</td>
              <td className={css.num}>
                {s.change === null ? '–' : `${s.change > 0 ? '+' : ''}${s.change.toFixed(0)} d`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ExportableTable>
  );
}

function VelocityView() {
  const [stuckDays, setStuckDays] = useState<number | null>(null);
  const q = useQuery((api) => api.funnel.velocity({ stuckDays }), [stuckDays]);
  const r = q.data;
  if (q.error) return <ErrorMessage error={q.error} />;
  if (!r) return <p>Loading…</p>;
  const period = `${periodText(r.from, r.to, 'step end')} against ${periodText(r.previousFrom, r.previousTo)}`;
  return (
    <>
      <p className={css.muted}>
        Steps ending {r.from} to {r.to}, against {r.previousFrom} to {r.previousTo}. Whole days between the stage dates;
        items whose dates run backwards are left out and counted.
      </p>
      <div className={css.twoCols}>
        <div>
          <StepsTable steps={r.steps} title="Funnel steps" period={period} />
          <StepsTable steps={r.byOutcome} title="Created to close, by outcome" period={period} />
        </div>
        <EChart
          option={histogramOption(r)}
          height={260}
          label="Days from MQL to won, this period"
          testId="velocity-histogram"
          exportAs={{
            title: 'Days from MQL to won',
            n: { value: r.histogram.reduce((a, b) => a + b.count, 0), of: 'won MQLs' },
            period,
            measure: 'count of won MQLs per bin of days',
          }}
        />
      </div>
      {r.dealStages.length > 0 && (
        <StepsTable steps={r.dealStages} title="Days in each deal stage (stage history)" period={period} />
      )}
      <section className="panel" aria-labelledby="stuck-title">
        <h2 id="stuck-title">Stuck items</h2>
        <label>
          MQLs stuck after (days){' '}
          <input
            type="number"
            min={1}
            value={stuckDays ?? r.stuckDays}
            onChange={(e) => setStuckDays(Number(e.target.value) > 0 ? Number(e.target.value) : null)}
            data-testid="stuck-days"
          />
        </label>{' '}
        <span className={css.muted}>Default {r.stuckDaysDefault ?? '–'}: the 75th percentile of MQL → SQL days.</span>
        <h3 data-testid="stuck-mql-count">
          {formatInt(r.stuckMqls.total)} MQLs with no SQL and no disqualification after {r.stuckDays} days
        </h3>
        <ul>
          {r.stuckMqls.items.slice(0, 20).map((m) => (
            <li key={m.leadId}>
              {m.externalId ?? m.leadId}: MQL {m.mqlDate}, {m.days} days{m.owner ? `, ${m.owner}` : ''}
              {m.source ? `, ${m.source}` : ''}
            </li>
          ))}
        </ul>
        <h3>{formatInt(r.stuckDeals.total)} open deals past their stage’s 90th percentile</h3>
        <ul>
          {r.stuckDeals.items.slice(0, 20).map((d) => (
            <li key={d.dealId}>
              <a href={hrefFor('/deals', { deal: d.dealId })}>{d.externalId ?? d.name}</a>: {d.stage}, {d.days} days
              (P90 {d.p90.toFixed(0)})
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function FunnelPage() {
  const [tab, setTab] = useState<Tab>('funnel');
  const probe = useQuery((api) => api.funnel.report({ mode: 'period' }), []);
  const empty = probe.data && probe.data.total.steps.every((s) => s.count === 0);
  return (
    <div className={css.page}>
      <h1>Funnel</h1>
      {empty ? (
        <EmptyState title="No leads in this workspace yet">
          <p>
            Import a Salesforce Lead export or a HubSpot contacts export with lifecycle-stage dates (and campaign
            touches), or load the demo from Home.
          </p>
          <a className="button" href={hrefFor('/deals', { tab: 'import', what: 'leads' })} data-testid="funnel-import">
            Import leads
          </a>
        </EmptyState>
      ) : (
        <>
          <SegmentedControl
            label="View"
            value={tab}
            options={[
              { value: 'funnel', label: 'Funnel and MQL trap' },
              { value: 'velocity', label: 'Velocity and stuck items' },
              { value: 'sourced', label: 'Sourced and attribution' },
              { value: 'criteria', label: 'Qualification criteria' },
              { value: 'planner', label: 'Needed-MQL planner' },
            ]}
            onChange={setTab}
            testId="funnel-tab"
          />
          {tab === 'funnel' ? (
            <FunnelView />
          ) : tab === 'velocity' ? (
            <VelocityView />
          ) : tab === 'planner' ? (
            <PlannerView />
          ) : tab === 'sourced' ? (
            <SourcedView />
          ) : tab === 'criteria' ? (
            <CriteriaView />
          ) : (
            <PlannerView />
          )}
        </>
      )}
    </div>
  );
}
