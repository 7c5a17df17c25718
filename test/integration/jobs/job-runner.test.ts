// Long work in a worker thread: progress, completion, and cancel that rolls everything back.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { JobRunner } from '#core/jobs/job-runner.ts';
import { tempDir } from '../../support/temp-workspace.ts';

const WORKER = new URL('../../../electron/core/jobs/job-worker.ts', import.meta.url);
const dealCount = (ws: Workspace) => (ws.sqlite.prepare('SELECT count(*) AS n FROM deals').get() as { n: number }).n;

describe('JobRunner', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    ws = await openWorkspace(join(t.dir, 'jobs.winnow'), { mode: 'create' });
  });
  afterEach(() => {
    ws.close();
    cleanup();
  });

  it('runs the demo loader in a worker and reports progress up to the total', async () => {
    const runner = new JobRunner(WORKER);
    const started = runner.start('demo', { deals: 1500, seed: 3 }, ws.path, ws.schemaVersion);
    expect(started).toMatchObject({ state: 'running', kind: 'demo', unit: 'deals' });
    expect(() => runner.start('demo', {}, ws.path, ws.schemaVersion)).toThrow(/Another long task is running/);
    const done = await runner.wait(started.id);
    expect(done).toMatchObject({ state: 'done', processed: 1500, total: 1500, error: null });
    expect(done.result).toMatchObject({ deals: 1500 });
    // The app's own connection sees the committed data at once (WAL).
    expect(dealCount(ws)).toBe(1500);
  });

  it('cancel stops the job and leaves the workspace exactly as it was', async () => {
    const runner = new JobRunner(WORKER);
    const { id } = runner.start('demo', { deals: 400_000, seed: 1 }, ws.path, ws.schemaVersion);
    await expect.poll(() => runner.get(id).processed, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(runner.cancel(id).message).toBe('Cancelling');
    const end = await runner.wait(id);
    expect(end.state).toBe('cancelled');
    expect(end.message).toMatch(/unchanged/);
    expect(dealCount(ws)).toBe(0);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
  });

  it('reports a failing job as failed with the reason', async () => {
    const runner = new JobRunner(WORKER);
    ws.sqlite.prepare("INSERT INTO competitors (name) VALUES ('Already here')").run();
    const { id } = runner.start('demo', {}, ws.path, ws.schemaVersion);
    const end = await runner.wait(id);
    expect(end).toMatchObject({ state: 'failed', error: { code: 'conflict' } });
    expect(end.message).toMatch(/already holds data/);
  });
});
