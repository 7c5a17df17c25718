// Import batches as the UI and CLI see them.
export interface ImportBatchSummary {
  id: number;
  kind: string;
  sourceName: string;
  status: 'committed' | 'undone';
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  finishedAt: string;
}
