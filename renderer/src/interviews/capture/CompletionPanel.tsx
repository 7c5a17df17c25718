// What is still needed to complete the interview, live as the form changes, with the button.
import type { FieldIssue } from '#shared/contract/result.ts';
import type { InterviewStatus } from '#shared/domain/enums.ts';

export function CompletionPanel({
  status,
  missing,
  onComplete,
  onReopen,
  onJump,
}: {
  status: InterviewStatus;
  missing: FieldIssue[];
  onComplete: () => void;
  onReopen: () => void;
  onJump: (path: string) => void;
}) {
  return (
    <section className="panel completion" aria-label="Completion" data-testid="completion">
      <h2>{status === 'complete' ? 'Complete' : 'Draft'}</h2>
      {missing.length === 0 ? (
        <p className="ok-text">Everything required is filled in.</p>
      ) : (
        <>
          <p className="muted small">Needed to complete:</p>
          <ul className="missing">
            {missing.map((m) => (
              <li key={m.path}>
                <button type="button" className="link" onClick={() => onJump(m.path)}>
                  {m.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {status === 'complete' ? (
        <button type="button" className="secondary" onClick={onReopen} data-testid="reopen">
          Reopen as draft
        </button>
      ) : (
        <button type="button" onClick={onComplete} data-testid="complete">
          Complete interview
        </button>
      )}
    </section>
  );
}
