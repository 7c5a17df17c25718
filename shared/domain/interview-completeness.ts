// What an interview needs before it can be marked complete. Shared by the form (a live
// checklist) and the core (which refuses to complete, and reopens a complete interview edited
// into an incomplete state), so both always agree. Analyses count complete interviews by
// default, and rely on these fields being there.
import type { FieldIssue } from '../contract/result.ts';
import type { InterviewDraft } from './interview-draft.ts';

export function missingForCompletion(d: InterviewDraft, today?: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!d.interviewDate) issues.push({ path: 'interviewDate', message: 'Interview date' });
  else if (today && d.interviewDate > today)
    issues.push({ path: 'interviewDate', message: 'Interview date (it is in the future)' });
  if (!d.intervieweeRole) issues.push({ path: 'intervieweeRole', message: "Interviewee's role" });
  if (!d.interviewerType) issues.push({ path: 'interviewerType', message: 'Who interviewed' });
  if (!d.channel) issues.push({ path: 'channel', message: 'Channel' });
  if (d.buyerStatement.trim() === '')
    issues.push({ path: 'buyerStatement', message: "The buyer's statement of the outcome" });
  if (!d.reasons.some((r) => r.isPrimary)) issues.push({ path: 'reasons', message: 'A primary reason' });
  d.quotes.forEach((q, i) => {
    if (q.text.trim() === '') issues.push({ path: `quotes.${i}.text`, message: `Quote ${i + 1}: its text` });
    else if (q.shareable && !d.consentToQuote)
      issues.push({
        path: `quotes.${i}.shareable`,
        message: `Quote ${i + 1} is marked shareable, but the interviewee has not consented to be quoted`,
      });
  });
  return issues;
}
