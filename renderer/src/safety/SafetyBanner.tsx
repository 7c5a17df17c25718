// The corruption banner: shown on every screen while the open workspace has failed its integrity
// check. Says plainly that nothing is written any more and offers the newest good backup.
import { useEffect } from 'react';
import { useQuery } from '../api/use-query.ts';
import styles from './safety.module.css';
import { useRestore } from './use-restore.ts';

/** Health is checked after start in the background; poll until it has a verdict. */
const POLL_MS = 3000;

export function SafetyBanner({ onRestored }: { onRestored: () => void }) {
  const health = useQuery((api) => api.backup.health(), []);
  const { restore, busy, message, error } = useRestore(onRestored);
  const state = health.data?.state;
  const reload = health.reload;
  useEffect(() => {
    if (state === 'damaged' || state === 'ok') return;
    const t = setTimeout(reload, POLL_MS);
    return () => clearTimeout(t);
  }, [state, reload, health.loading]);

  if (message)
    return (
      <p className={styles.banner} role="status">
        {message}
      </p>
    );
  if (state !== 'damaged' || !health.data) return null;
  const newest = health.data.newestBackup;
  return (
    <section className={styles.banner} role="alert" data-testid="corruption-banner">
      <h2>This workspace is damaged</h2>
      <p>
        Its integrity check failed, so Winnow has stopped writing to it: you can still look at your data, but changes
        and imports are refused until a good backup is restored.
      </p>
      {newest ? (
        <div className={styles.actions}>
          <button type="button" disabled={busy} onClick={() => void restore(newest.name)} data-testid="restore-newest">
            Restore newest good backup ({new Date(newest.createdAt).toLocaleString()})
          </button>
          <a href="#/settings">See all backups</a>
        </div>
      ) : (
        <p>There is no backup of this workspace. Copy the file somewhere safe before trying anything else.</p>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
