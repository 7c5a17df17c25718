// What differs between the hosts of the core (Electron, the loopback test host): dialogs, reveal,
// folders, printing. Apart from session.ts because the handlers' context (rpc/context.ts) names it too.
import type { PrintJob, PrintOutcome } from '../reports/printer.ts';

/** What differs between hosts (Electron shows native dialogs; the test host answers from a script). */
export interface HostPlatform {
  host: 'electron' | 'testhost';
  version: string;
  userDataDir: string;
  /** resources/migrations; the core's default when omitted. */
  migrationsDir?: string;
  jobWorkerUrl: URL | string;
  pickNewWorkspacePath(defaultDir: string): Promise<string | null>;
  pickExistingWorkspacePath(defaultDir: string): Promise<string | null>;
  /** Ask the user for a file to read (CSV to import ...); null when cancelled. */
  pickOpenFile(request: FilePickRequest): Promise<string | null>;
  /** Ask the user where to write a file (CSV/PNG/PDF export ...); null when cancelled. */
  pickSaveFile(request: FilePickRequest & { defaultName: string }): Promise<string | null>;
  revealInFolder(path: string): Promise<boolean>;
  /** Print an HTML file to PDF through Chromium's print engine (Electron's, or a Chromium binary). */
  printPdf(job: PrintJob): Promise<PrintOutcome>;
  /** Stop a print started with that printId; false when none runs. */
  cancelPrint(printId: string): Promise<boolean>;
}

export interface FilePickRequest {
  title: string;
  /** e.g. [{ name: 'CSV files', extensions: ['csv', 'txt'] }] */
  filters: { name: string; extensions: string[] }[];
}
