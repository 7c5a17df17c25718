// The interview guide's sections and questions, with an answer box for each. Answers are kept by
// question key, so switching guides keeps them; answers to questions the guide no longer has
// stay visible below.
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import type { Guide } from '#shared/domain/interviews.ts';
import { SelectField } from '../options.tsx';
import type { Edit } from './InterviewForm.tsx';

export function GuideAnswers({ draft, edit, guides }: { draft: InterviewDraft; edit: Edit; guides: Guide[] }) {
  const guide = guides.find((g) => g.id === draft.guideId);
  const asked = new Set(guide?.sections.flatMap((s) => s.questions.map((q) => q.key)) ?? []);
  const other = Object.keys(draft.answers).filter((k) => !asked.has(k));
  const answer = (key: string, value: string) => edit((d) => ({ ...d, answers: { ...d.answers, [key]: value } }));
  return (
    <fieldset className="panel">
      <legend>Guide questions</legend>
      <SelectField
        label="Interview guide"
        value={String(draft.guideId ?? '')}
        onChange={(v) => edit((d) => ({ ...d, guideId: v ? Number(v) : null }))}
        choices={guides.map((g) => ({ value: String(g.id), label: g.name }))}
        empty="No guide"
        testId="guide-select"
      />
      {guide?.sections.map((s, si) => (
        <div key={`${si}-${s.title}`} className="guide-section">
          <h3 dir="auto">{s.title}</h3>
          {s.questions.map((q) => (
            <label key={q.key} className="field wide">
              <span className="field-label" dir="auto">
                {q.text}
              </span>
              <textarea
                id={`iv-answers-${q.key}`}
                rows={2}
                maxLength={20_000}
                value={draft.answers[q.key] ?? ''}
                onChange={(e) => answer(q.key, e.target.value)}
                data-testid={`answer-${q.key}`}
                dir="auto"
              />
            </label>
          ))}
        </div>
      ))}
      {other.length > 0 && (
        <div className="guide-section">
          <h3>Other answers</h3>
          <p className="muted small">Answers to questions that are not in the chosen guide.</p>
          {other.map((key) => (
            <label key={key} className="field wide">
              <span className="field-label">{key.replace(/_/g, ' ')}</span>
              <textarea
                rows={2}
                maxLength={20_000}
                value={draft.answers[key] ?? ''}
                onChange={(e) => answer(key, e.target.value)}
                dir="auto"
              />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
