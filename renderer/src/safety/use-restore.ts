// Restoring a backup from the page: one call, then the whole app reloads its workspace.
import { useState } from 'react';
import { getApi, unwrap } from '../api/client.ts';

export function useRestore(onRestored: () => void) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const restore = async (name: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(getApi().backup.restore({ name }));
      setMessage(
        `Restored ${name}.` +
          (r.undoBackup ? ` The file as it was is kept as ${r.undoBackup}, so this can be undone.` : ''),
      );
      onRestored();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { restore, busy, message, error };
}
