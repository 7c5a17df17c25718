// Settings → Backups: the checked backups beside the workspace, newest first, with Restore; a
// backup now; a full integrity check.
import { useState } from 'react';
import { getApi, unwrap } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import styles from './safety.module.css';
import { useRestore } from './use-restore.ts';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function BackupsPanel({ onRestored }: { onRestored: () => void }) {
  const list = useQuery((api) => api.backup.list(), []);
  const { restore, busy, message, error } = useRestore(onRestored);
  const [working, setWorking] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (what: 'backup' | 'check') => {
    setWorking(what);
    setNote(null);
    try {
      if (what === 'backup') {
        const b = await unwrap(getApi().backup.create({ reason: 'manual' }));
        setNote({ ok: true, text: `Backup written and checked: ${b.name} (${mb(b.sizeBytes)}).` });
        list.reload();
      } else {
        const r = await unwrap(getApi().backup.check({ full: true }));
        setNote(
          r.ok
            ? { ok: true, text: 'Integrity check passed: the workspace is sound.' }
            : { ok: false, text: `Integrity check failed: ${r.message ?? ''}. Restore a backup below.` },
        );
      }
    } catch (e) {
      setNote({ ok: false, text: (e as Error).message });
    } finally {
      setWorking(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="backups-title" data-testid="backups-panel">
      <h2 id="backups-title">Backups</h2>
      <p className="muted small">
        Winnow backs the workspace up at start, before every upgrade and import, and every 15 minutes while it changes,
        into a folder beside the file. Each backup is checked before it is kept. Restoring first backs up the current
        file, so a restore can be undone.
      </p>
      <div className={styles.actions}>
        <button type="button" disabled={working !== null} onClick={() => void run('backup')} data-testid="backup-now">
          {working === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" disabled={working !== null} onClick={() => void run('check')} data-testid="check-now">
          {working === 'check' ? 'Checking…' : 'Check integrity'}
        </button>
      </div>
      {note && (
        <p role="status" className={note.ok ? styles.ok : styles.bad}>
          {note.text}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {error && (
        <p role="alert" className={styles.bad}>
          {error}
        </p>
      )}
      {list.error && <p role="alert">{list.error.message}</p>}
      {list.data && list.data.length === 0 && <p className="muted">No backups yet.</p>}
      {list.data && list.data.length > 0 && (
        <table className={styles.list} data-testid="backups-list">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.name}>
                <td title={b.name}>{new Date(b.createdAt).toLocaleString()}</td>
                <td>{b.reason.replace(/-/g, ' ')}</td>
                <td>{mb(b.sizeBytes)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Restore the backup of ${new Date(b.createdAt).toLocaleString()}? The current file is backed up first.`,
                        )
                      )
                        void restore(b.name);
                    }}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
