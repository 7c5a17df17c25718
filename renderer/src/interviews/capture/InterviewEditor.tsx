// Loads an interview and what its form chooses from, then hands them to the form.
import { useQuery } from '../../api/use-query.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { interviewsHref } from '../hash-query.ts';
import { InterviewForm } from './InterviewForm.tsx';

export function InterviewEditor({ id }: { id: number }) {
  const record = useQuery((api) => api.interviews.get({ id }), [id]);
  const options = useQuery((api) => api.interviews.options(), []);
  const error = record.error ?? options.error;
  if (error)
    return (
      <div className="interviews">
        <a href={interviewsHref()}>← Interviews</a>
        <ErrorMessage error={error} title="This interview could not be opened" />
      </div>
    );
  if (!record.data || !options.data) return <p className="muted">Opening the interview…</p>;
  return <InterviewForm record={record.data} options={options.data} reloadOptions={options.reload} />;
}
