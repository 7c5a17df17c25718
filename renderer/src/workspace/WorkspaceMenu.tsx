// The in-app workspace menu: new, open or switch a workspace file, and show it in its folder.
import { useCallback, useRef, useState } from 'react';
import type { AppInfo } from '#shared/domain/workspace.ts';
import { call } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { useDismiss } from '../components/use-dismiss.ts';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

// Opening or creating a workspace resets the query cache (api/domains.ts): the app reloads on it.
export function WorkspaceMenu({ info }: { info: AppInfo }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);

  const run = async (action: () => Promise<unknown>) => {
    setOpen(false);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e as Error);
    }
  };

  const others = info.recentWorkspaces.filter((p) => p !== info.workspace?.path);
  return (
    <div className="workspace-menu" ref={root}>
      <button
        type="button"
        className="workspace-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="workspace-menu"
        title={info.workspace?.path}
      >
        <span className="muted">Workspace</span> {info.workspace?.name ?? 'none open'} ▾
      </button>
      {open && (
        <div className="menu" role="menu">
          <button
            type="button"
            role="menuitem"
            onClick={() => run(() => call((api) => api.workspace.create({})))}
            data-testid="workspace-new"
          >
            New workspace…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => run(() => call((api) => api.workspace.open({})))}
            data-testid="workspace-open"
          >
            Open workspace…
          </button>
          {others.length > 0 && <div className="menu-label">Switch to</div>}
          {others.map((p) => (
            <button
              key={p}
              type="button"
              role="menuitem"
              title={p}
              onClick={() => run(() => call((api) => api.workspace.open({ path: p })))}
            >
              {fileName(p)}
            </button>
          ))}
          <hr />
          <button
            type="button"
            role="menuitem"
            disabled={!info.workspace}
            onClick={() => run(() => call((api) => api.workspace.reveal()))}
          >
            Show in folder
          </button>
        </div>
      )}
      {error && (
        <div className="menu-error">
          <ErrorMessage error={error} title="Workspace" />
          <button type="button" className="secondary" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
