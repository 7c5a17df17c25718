// Who was interviewed, by whom, how and when; consent to quote and anonymity.
import type { InterviewChannel, IntervieweeRole, InterviewerType } from '#shared/domain/enums.ts';
import type { InterviewDraft } from '#shared/domain/interview-draft.ts';
import { CHANNEL_LABEL, INTERVIEWER_LABEL, ROLE_LABEL } from '#shared/domain/interviews.ts';
import { fromLabels, SelectField } from '../options.tsx';
import type { Edit } from './InterviewForm.tsx';
import { DateInput } from '../../components/DateInput.tsx';

export function MetaFields({ draft, edit, invalid }: { draft: InterviewDraft; edit: Edit; invalid: Set<string> }) {
  return (
    <fieldset className="panel">
      <legend>Interview</legend>
      <div className="field-grid">
        <label className="field">
          <span className="field-label">Date</span>
          <DateInput
            id="iv-interviewDate"
            value={draft.interviewDate ?? ''}
            onChange={(e) => edit((d) => ({ ...d, interviewDate: e.target.value || null }))}
            aria-invalid={invalid.has('interviewDate') || undefined}
            data-testid="interview-date"
          />
        </label>
        <label className="field">
          <span className="field-label">Interviewee name (optional)</span>
          <input
            id="iv-intervieweeName"
            value={draft.intervieweeName}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => edit((d) => ({ ...d, intervieweeName: e.target.value }))}
            data-testid="interviewee-name"
            dir="auto"
          />
        </label>
        <label className="field">
          <span className="field-label">Job title</span>
          <input
            id="iv-intervieweeTitle"
            value={draft.intervieweeTitle}
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. VP Finance"
            onChange={(e) => edit((d) => ({ ...d, intervieweeTitle: e.target.value }))}
            data-testid="interviewee-title"
            dir="auto"
          />
        </label>
        <SelectField
          id="iv-intervieweeRole"
          label="Role in the decision"
          value={draft.intervieweeRole ?? ''}
          onChange={(v) => edit((d) => ({ ...d, intervieweeRole: (v || null) as IntervieweeRole | null }))}
          choices={fromLabels(ROLE_LABEL)}
          empty="Choose…"
          invalid={invalid.has('intervieweeRole')}
          testId="interviewee-role"
        />
        <SelectField
          id="iv-interviewerType"
          label="Interviewed by"
          value={draft.interviewerType ?? ''}
          onChange={(v) => edit((d) => ({ ...d, interviewerType: (v || null) as InterviewerType | null }))}
          choices={fromLabels(INTERVIEWER_LABEL)}
          empty="Choose…"
          invalid={invalid.has('interviewerType')}
          testId="interviewer-type"
        />
        <SelectField
          id="iv-channel"
          label="Channel"
          value={draft.channel ?? ''}
          onChange={(v) => edit((d) => ({ ...d, channel: (v || null) as InterviewChannel | null }))}
          choices={fromLabels(CHANNEL_LABEL)}
          empty="Choose…"
          invalid={invalid.has('channel')}
          testId="channel"
        />
      </div>
      <div className="checks">
        <label className="check">
          <input
            id="iv-consentToQuote"
            type="checkbox"
            checked={draft.consentToQuote}
            onChange={(e) => edit((d) => ({ ...d, consentToQuote: e.target.checked }))}
            data-testid="consent"
          />
          Consented to be quoted
        </label>
        <label className="check">
          <input
            id="iv-anonymous"
            type="checkbox"
            checked={draft.anonymous}
            onChange={(e) => edit((d) => ({ ...d, anonymous: e.target.checked }))}
            data-testid="anonymous"
          />
          Anonymous (quotes are credited to the role and kind of company, never the name)
        </label>
      </div>
    </fieldset>
  );
}
