// The open workspace: one SQLite file chosen by the user.
export interface WorkspaceInfo {
  path: string;
  /** File name without folder, for titles. */
  name: string;
  schemaVersion: number;
  sizeBytes: number;
  /** Where a backup was written before migrating this file at open, if one was. */
  backupPath: string | null;
}

export interface AppInfo {
  version: string;
  /** 'electron' in the desktop app; 'testhost' when a browser is driven over loopback HTTP in tests. */
  host: 'electron' | 'testhost';
  workspace: WorkspaceInfo | null;
  /** Why no workspace is open, when none is (e.g. the last one was written by a newer Winnow). */
  workspaceError: { code: string; message: string } | null;
  recentWorkspaces: string[];
  userDataDir: string;
}
