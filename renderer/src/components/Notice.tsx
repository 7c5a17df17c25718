// Visible messages: errors from the core (with their field issues) and empty states that say
// what to do next.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';

export function ErrorMessage({ error, title = 'Something went wrong' }: { error: Error; title?: string }) {
  const issues = error instanceof ApiError ? error.issues : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {issues && issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
