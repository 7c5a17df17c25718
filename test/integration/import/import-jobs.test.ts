// The import as the app runs it: through the contract, in a job worker with progress, cancel and
// a crash that leave the workspace exactly as it was, and the rejected rows saved where asked.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRunResult } from '#shared/domain/imports.ts';
import type { JobStatus } from '#shared/domain/jobs.ts';
import { dispatch } from '#core/rpc/dispatch.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import { writeBenchCsv } from '../../bench/import-csv.ts';
import { fixture, suggested, workspaceDump } from '../../support/import.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testSession } from '../../support/test-session.ts';

const CHILD = fileURLToPath(new URL('../../support/import-child.ts', import.meta.url));

describe('import jobs through the contract', () => {
  let dir: string;
  let cleanup: () => void;
  let session: Session;
  const opens: (string | null)[] = [];
  const saves: (string | null)[] = [];
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    session = testSession(dir, {
      pickOpenFile: async () => opens.shift() ?? null,
      pickSaveFile: async () => saves.shift() ?? null,
    });
    await session.start(join(dir, 'w.winnow'));
  });
  afterEach(async () => {
    await session.close();
    cleanup();
  });

  async function call<T>(channel: string, arg?: unknown): Promise<T> {
    const r = await dispatch(handlers, channel, arg, session);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  }

  it('picks, checks, imports valid rows, saves the rejected ones, and undoes the batch', async () => {
    opens.push(null);
    expect(await call('import:pick', { kind: 'deals' })).toBeNull();
    opens.push(fixture('problem-rows.csv'));
    const file = await call<{ fileId: string; headers: string[]; suggestion: { mapping: unknown } }>('import:pick', {
      kind: 'deals',
    });
    expect(file.headers).toEqual(['Deal ID', 'Deal Name', 'Account', 'Amount', 'Close Date', 'Stage', 'Type']);
    const files = [{ fileId: file.fileId, kind: 'deals', mapping: file.suggestion.mapping }];
    const check = await call<{ jobId: string }>('import:preview', { files });
    const checked = await session.jobs.wait(check.jobId);
    expect(checked).toMatchObject({ state: 'done', unit: 'rows', processed: 9 });
    expect((checked.result as ImportRunResult).totals).toEqual({
      rowsRead: 9,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 7,
    });
    expect(await call('import:batches')).toEqual([]);

    const commit = await call<{ jobId: string }>('import:commit', {
      files,
      onProblems: 'valid_rows',
      mappingName: null,
    });
    const done = (await session.jobs.wait(commit.jobId)).result as ImportRunResult;
    expect(done).toMatchObject({ committed: true, totals: { inserted: 2, rejected: 7 } });
    const dest = join(dir, 'rejected.csv');
    saves.push(dest);
    expect(await call('import:saveRejected', { jobId: commit.jobId, fileIndex: 0 })).toEqual({ path: dest, rows: 7 });
    expect(readFileSync(dest, 'utf8').split('\r\n')[1]).toMatch(/^P-2,Negative,Probco,'-50,/);

    const undo = await call<{ jobId: string }>('import:undo', { id: done.batchId });
    expect(await session.jobs.wait(undo.jobId)).toMatchObject({ state: 'done', result: { removed: 4, restored: 0 } }); // 2 deals, 2 accounts
    expect(await call('import:batches')).toMatchObject([{ id: done.batchId, status: 'undone' }]);
  });

  it('cancel rolls back, leaving the workspace exactly as it was', async () => {
    const csv = join(dir, 'big.csv');
    writeBenchCsv(csv, 150_000);
    opens.push(csv);
    const file = await call<{ fileId: string; suggestion: { mapping: unknown } }>('import:pick', { kind: 'deals' });
    const before = workspaceDump(session.require().sqlite);
    const { jobId } = await call<{ jobId: string }>('import:commit', {
      files: [{ fileId: file.fileId, kind: 'deals', mapping: file.suggestion.mapping }],
      onProblems: 'all_or_nothing',
    });
    await expect.poll(() => session.jobs.get(jobId).processed, { timeout: 30_000 }).toBeGreaterThan(0);
    const running = session.jobs.get(jobId);
    expect(running.total).toBeGreaterThan(100_000);
    await call('jobs:cancel', { id: jobId });
    const end: JobStatus = await session.jobs.wait(jobId);
    expect(end).toMatchObject({ state: 'cancelled', message: 'Import cancelled; the workspace is unchanged.' });
    expect(workspaceDump(session.require().sqlite)).toBe(before);
  });

  it('a crash mid-import (the process killed) leaves the workspace exactly as it was', async () => {
    const csv = join(dir, 'crash.csv');
    writeBenchCsv(csv, 200_000);
    const ws = session.require();
    const before = workspaceDump(ws.sqlite);
    const child = spawn(process.execPath, [
      CHILD,
      ws.path,
      String(ws.schemaVersion),
      csv,
      JSON.stringify(suggested('deals', csv)),
    ]);
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        if (/progress [1-9]/.test(d.toString())) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
    expect(workspaceDump(ws.sqlite)).toBe(before);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
