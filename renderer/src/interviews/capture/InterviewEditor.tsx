// Loads an interview (or a new one's starting point) and what its form chooses from, then hands
// them to the form.
import type { ReactNode } from 'react';
import { useQuery } from '../../api/use-query.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { interviewsHref } from '../hash-query.ts';
import { todayLocal } from '../options.tsx';
import { InterviewForm } from './InterviewForm.tsx';
import type { FormRecord } from './InterviewForm.tsx';

export function InterviewEditor({ id }: { id: number }) {
  const record = useQuery((api) => api.interviews.get({ id }), [id]);
  return <Editor record={record.data} error={record.error} what="This interview could not be opened" />;
}

/** A new interview on a deal: the form opens on it, and nothing is stored until the user types. */
export function NewInterviewForm({ dealId }: { dealId: number }) {
  const blank = useQuery((api) => api.interviews.blank({ dealId, interviewDate: todayLocal() }), [dealId]);
  const record: FormRecord | undefined = blank.data && {
    ...blank.data,
    id: null,
    status: 'draft',
    createdAt: null,
    externalId: null,
  };
  return <Editor record={record} error={blank.error} what="The interview could not be started" />;
}

function Editor({
  record,
  error,
  what,
}: {
  record: FormRecord | undefined;
  error: Error | null | undefined;
  what: string;
}) {
  const options = useQuery((api) => api.interviews.options(), []);
  const failed = error ?? options.error;
  let body: ReactNode;
  if (failed)
    body = (
      <div className="interviews">
        <a href={interviewsHref()}>← Interviews</a>
        <ErrorMessage error={failed} title={what} />
      </div>
    );
  else if (!record || !options.data) body = <p className="muted">Opening the interview…</p>;
  else body = <InterviewForm record={record} options={options.data} reloadOptions={options.reload} />;
  return body;
}
