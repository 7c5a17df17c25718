// A progress bar for long work: how far, how fast, how long left, and a Cancel button.
import type { JobStatus } from '#shared/domain/jobs.ts';
import { formatDuration, formatInt } from '../lib/format.ts';

export function JobProgress({ status, onCancel }: { status: JobStatus; onCancel: () => void }) {
  const fraction = status.total ? Math.min(1, status.processed / status.total) : null;
  return (
    <div className="job-progress" aria-live="polite">
      <div className="job-progress-head">
        <span>{status.message}</span>
        {status.state === 'running' && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <progress
        max={1}
        value={fraction ?? undefined}
        aria-label={`${status.kind} progress`}
        data-testid="job-progress-bar"
      />
      <div className="job-progress-meta muted">
        {formatInt(status.processed)}
        {status.total !== null ? ` of ${formatInt(status.total)}` : ''} {status.unit} · {formatInt(status.ratePerSec)}{' '}
        {status.unit}/s
        {status.state === 'running' ? ` · ${formatDuration(status.etaSeconds)} left` : ` · ${status.state}`}
      </div>
    </div>
  );
}
