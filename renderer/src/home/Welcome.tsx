// First run: an empty workspace, or the demo company to explore the analyses straight away.
import { useState } from 'react';
import { call } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { DemoLoader } from './DemoLoader.tsx';

export function Welcome({ workspaceName }: { workspaceName: string }) {
  const [error, setError] = useState<Error | null>(null);
  const startEmpty = async () => {
    try {
      await call((api) => api.settings.update({ onboarded: true }));
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Winnow</h1>
      <p>
        Winnow keeps your win/loss programme on this computer: deals from your CRM, buyer interviews, win rates against
        each competitor, and retention of the customers you won. Nothing leaves this machine.
      </p>
      <p className="muted">
        This workspace is <strong>{workspaceName}</strong>, and it is empty. How do you want to start?
      </p>
      <div className="welcome-choices">
        <div className="choice">
          <h2>Explore with demo data</h2>
          <p>
            A made-up B2B software company over four years: about 3,000 deals against ten competitors, 200 interviews
            and customer renewals, with patterns for the analyses to find.
          </p>
          <DemoLoader />
        </div>
        <div className="choice">
          <h2>Start with an empty workspace</h2>
          <p>Bring your own deals with the CSV importer (Deals → Import). You can load the demo later.</p>
          <button type="button" className="secondary" onClick={startEmpty} data-testid="start-empty">
            Start empty
          </button>
        </div>
      </div>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
