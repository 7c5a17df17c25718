// An area whose issue has not landed: says so plainly, shows no numbers.
import type { Area } from '../app/routes.ts';

export function PendingArea({ area }: { area: Area }) {
  return (
    <section className="panel pending" data-testid={`pending-${area.id}`}>
      <h1>{area.label}</h1>
      <p>
        <strong>Not built yet.</strong> This area arrives with {area.pending}.
      </p>
      <p className="muted">{area.purpose}</p>
    </section>
  );
}
