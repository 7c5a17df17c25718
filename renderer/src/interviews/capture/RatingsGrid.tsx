// Ratings 1 to 5 on each decision criterion, for us and for each competitor on the deal.
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { DealContext, RatingCriterion } from '#shared/domain/interviews.ts';
import { UserText } from '../options.tsx';
import type { Edit } from './InterviewForm.tsx';

export function RatingsGrid({
  draft,
  edit,
  criteria,
  competitors,
}: {
  draft: InterviewDraft;
  edit: Edit;
  criteria: RatingCriterion[];
  competitors: DealContext['competitors'];
}) {
  const rated = new Set(draft.ratings.map((r) => r.criterionId));
  const rows = criteria.filter((c) => !c.retired || rated.has(c.id));
  const extra = [...new Set(draft.ratings.map((r) => r.competitorId))].filter(
    (id): id is number => id !== null && !competitors.some((c) => c.id === id),
  );
  const subjects: { id: number | null; name: string }[] = [
    { id: null, name: 'Us' },
    ...competitors.map((c) => ({ id: c.id, name: c.name })),
    ...extra.map((id) => ({ id, name: `Competitor ${id}` })),
  ];
  const value = (criterionId: number, competitorId: number | null) =>
    draft.ratings.find((r) => r.criterionId === criterionId && r.competitorId === competitorId)?.rating;
  const set = (criterionId: number, competitorId: number | null, v: string) =>
    edit((d) => {
      const rest = d.ratings.filter((r) => !(r.criterionId === criterionId && r.competitorId === competitorId));
      return { ...d, ratings: v ? [...rest, { criterionId, competitorId, rating: Number(v) }] : rest };
    });
  return (
    <fieldset className="panel">
      <legend>Ratings (1 = poor, 5 = excellent)</legend>
      {competitors.length === 0 && <p className="muted small">No competitor is recorded on this deal: rate us only.</p>}
      <table className="data-table ratings-grid" data-testid="ratings-grid">
        <thead>
          <tr>
            <th>Criterion</th>
            {subjects.map((s) => (
              <th key={s.id ?? 'us'}>
                <UserText>{s.name}</UserText>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                {c.label}
                {c.retired ? ' (retired)' : ''}
              </td>
              {subjects.map((s) => (
                <td key={s.id ?? 'us'}>
                  <select
                    value={String(value(c.id, s.id) ?? '')}
                    aria-label={`${c.label}: rating of ${s.name}`}
                    onChange={(e) => set(c.id, s.id, e.target.value)}
                    data-testid={`rating-${c.key}-${s.id ?? 'us'}`}
                  >
                    <option value="">–</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
