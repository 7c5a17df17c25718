// One deal: every field, the competitors on it (primary, strengths, weaknesses), its stage
// history as a timeline, its interviews, and where it came from. Edit and delete from here.
import type { DealDetail } from '#shared/domain/deals.ts';
import { DEAL_TYPE_LABEL, OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { formatMoney } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value ?? <span className="muted">–</span>}</dd>
    </>
  );
}

const SOURCED: Record<string, string> = { marketing: 'Marketing', sales: 'Sales', partner: 'Partner' };

export function DealDetailView({
  deal,
  onEdit,
  onDelete,
}: {
  deal: DealDetail;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <article className="deal-detail" data-testid="deal-detail">
      <header className="page-head deal-head">
        <div>
          <a href={hrefFor('/deals')} className="back-link">
            ← All deals
          </a>
          <h1>{deal.name}</h1>
          <p className="muted">
            <span className={`pill pill-${deal.outcome}`}>{OUTCOME_LABEL[deal.outcome]}</span>{' '}
            {deal.amount !== null && <strong>{formatMoney(deal.amount, deal.currency)}</strong>}
            {deal.account && ` · ${deal.account.name}`}
            {deal.closeDate && ` · closed ${deal.closeDate}`}
          </p>
        </div>
        <div className="form-actions">
          <button type="button" onClick={onEdit} data-testid="edit-deal">
            Edit
          </button>
          <button type="button" className="secondary danger" onClick={onDelete} data-testid="delete-deal">
            Delete
          </button>
        </div>
      </header>
      <div className="detail-grid">
        <section className="panel">
          <h2>Deal</h2>
          <dl className="facts">
            <Fact label="CRM id" value={deal.externalId} />
            <Fact
              label="Amount"
              value={deal.amount === null ? null : `${deal.amount.toLocaleString('en-US')} ${deal.currency}`}
            />
            <Fact label="Product" value={deal.product} />
            <Fact label="Deal type" value={DEAL_TYPE_LABEL[deal.dealType]} />
            <Fact label="Stage" value={deal.stage} />
            <Fact label="Outcome" value={OUTCOME_LABEL[deal.outcome]} />
            <Fact label="Lost to" value={deal.lostTo?.name} />
            <Fact
              label="Reason (rep)"
              value={
                deal.repReason
                  ? `${deal.repReason}${deal.repReasonCode ? ` (coded: ${deal.repReasonCode})` : ''}`
                  : null
              }
            />
          </dl>
        </section>
        <section className="panel">
          <h2>Account and team</h2>
          <dl className="facts">
            <Fact label="Account" value={deal.account?.name} />
            <Fact label="Sector" value={deal.account?.sector} />
            <Fact label="Country" value={deal.account?.country} />
            <Fact label="Segment" value={deal.segment} />
            <Fact label="Region" value={deal.region} />
            <Fact label="Owner" value={deal.owner} />
            <Fact label="Team" value={deal.team} />
            <Fact label="Lead source" value={deal.leadSource} />
            <Fact label="Sourced by" value={deal.sourcedBy ? SOURCED[deal.sourcedBy] : null} />
          </dl>
        </section>
        <section className="panel">
          <h2>Dates</h2>
          <dl className="facts">
            <Fact label="Created" value={deal.createdDate} />
            <Fact label="MQL" value={deal.mqlDate} />
            <Fact label="SQL" value={deal.sqlDate} />
            <Fact label="Closed" value={deal.closeDate} />
            <Fact
              label="Contract"
              value={
                deal.contractStart || deal.contractEnd
                  ? `${deal.contractStart ?? '?'} to ${deal.contractEnd ?? '?'}`
                  : null
              }
            />
          </dl>
        </section>
        <section className="panel" data-testid="deal-competitors">
          <h2>Competitors</h2>
          {deal.competitors.length === 0 ? (
            <p className="muted">No competitor recorded on this deal.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>Competitor</th>
                  <th>Their strengths</th>
                  <th>Their weaknesses</th>
                </tr>
              </thead>
              <tbody>
                {deal.competitors.map((c) => (
                  <tr key={c.competitorId}>
                    <td>
                      <a href={hrefFor('/competitors', { id: c.competitorId })}>{c.name}</a>
                      {c.isPrimary && <span className="tag">primary</span>}
                    </td>
                    <td>{c.strengths ?? <span className="muted">–</span>}</td>
                    <td>{c.weaknesses ?? <span className="muted">–</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="panel" data-testid="stage-history">
          <h2>Stage history</h2>
          {deal.stageHistory.length === 0 ? (
            <p className="muted">
              No stage changes recorded (import a stage history file, such as Salesforce’s OpportunityHistory).
            </p>
          ) : (
            <ol className="timeline">
              {deal.stageHistory.map((s, i) => {
                const next = deal.stageHistory[i + 1];
                const days = next
                  ? Math.round((Date.parse(next.enteredAt) - Date.parse(s.enteredAt)) / 86_400_000)
                  : null;
                return (
                  <li key={s.id}>
                    <span className="timeline-date">{s.enteredAt}</span>
                    <strong>{s.stage}</strong>
                    {s.amount !== null && <span className="muted"> · {formatMoney(s.amount, deal.currency)}</span>}
                    {days !== null && <span className="muted"> · {days} days in stage</span>}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
        <section className="panel" data-testid="deal-interviews">
          <h2>Interviews</h2>
          {deal.interviews.length === 0 ? (
            <p className="muted">
              No win/loss interview on this deal yet.{' '}
              <a href={hrefFor('/interviews', { new: 1, deal: deal.id })}>Log one</a>
            </p>
          ) : (
            <ul className="plain-list">
              {deal.interviews.map((i) => (
                <li key={i.id}>
                  <a href={hrefFor('/interviews', { id: i.id })} data-testid="deal-interview-link">
                    {i.date ?? 'Undated'} · {i.status} · {i.interviewee ?? 'anonymous'}
                    {i.role && ` (${i.role.replace(/_/g, ' ')})`}
                    {i.channel && ` · ${i.channel.replace(/_/g, ' ')}`}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="muted small">
        {deal.importBatch ? (
          <>
            Last written by the import of{' '}
            <a href={hrefFor('/deals', { tab: 'log', batch: deal.importBatch.id })}>{deal.importBatch.sourceName}</a>
            .{' '}
          </>
        ) : null}
        Added {deal.createdAt.slice(0, 10)}, changed {deal.updatedAt.slice(0, 10)}.
      </p>
    </article>
  );
}
