// Drafts waiting to be finished, most recently edited first, each one click from where it was left.
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { useQuery } from '../../api/use-query.ts';
import { formatInt } from '../../lib/format.ts';
import { interviewsHref } from '../hash-query.ts';
import { UserText } from '../options.tsx';

export function formatStamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function DraftsPanel() {
  const drafts = useQuery((api) => api.interviews.drafts({ limit: 5 }), []);
  if (!drafts.data || drafts.data.total === 0) return null;
  const { total, drafts: list } = drafts.data;
  return (
    <section className="panel drafts" aria-label="Drafts to finish" data-testid="drafts-panel">
      <h2>
        {formatInt(total)} draft{total === 1 ? '' : 's'} to finish{' '}
        {total > list.length && (
          <a className="small" href={interviewsHref({ status: 'draft' })}>
            show all
          </a>
        )}
      </h2>
      <ul className="draft-list">
        {list.map((d) => (
          <li key={d.id}>
            <a href={interviewsHref({ id: d.id })} data-testid="resume-draft">
              Resume
            </a>{' '}
            <UserText>{d.dealName}</UserText>
            <span className="muted">
              {' '}
              · {OUTCOME_LABEL[d.outcome]}
              {d.intervieweeName || d.intervieweeTitle ? ' · ' : ''}
              <UserText>{d.intervieweeName ?? d.intervieweeTitle}</UserText> · edited {formatStamp(d.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
