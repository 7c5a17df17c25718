// A connection worker of the data core: one thread, one connection to the open workspace, calls
// answered one at a time. The read pool's workers open the file read-only (a read that tries to
// write fails loudly instead of racing the writer); the write queue's one worker opens it for
// writing, and its transactions start IMMEDIATE (db/write-transaction.ts).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { configureConnection, configureReader } from '../db/connection.ts';
import type { Workspace } from '../db/open-workspace.ts';
import * as schema from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { dataHandlers } from '../rpc/handlers.ts';
import type { CoreConfig, CoreToWorker, WorkerToCore, WorkspaceRef } from './messages.ts';
import { WorkerContext } from './worker-context.ts';

export interface ConnectionWorkerData {
  role: 'read' | 'write';
  facts: Pick<CoreConfig, 'host' | 'version' | 'userDataDir'>;
}

function connect(ref: WorkspaceRef, role: 'read' | 'write'): Workspace {
  const sqlite = new Database(ref.path, { readonly: role === 'read', fileMustExist: true });
  try {
    if (role === 'read') configureReader(sqlite);
    else configureConnection(sqlite);
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version !== ref.schemaVersion) {
      throw new AppError(
        'conflict',
        `The workspace changed under us (schema ${version}, expected ${ref.schemaVersion}).`,
      );
    }
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return {
    path: ref.path,
    sqlite,
    db: drizzle(sqlite, { schema }),
    schemaVersion: ref.schemaVersion,
    backupPath: null,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('connection-worker must run in a worker thread');
  const { role, facts } = workerData as ConnectionWorkerData;
  const post = (m: WorkerToCore) => port.postMessage(m);
  const context = new WorkerContext(post, facts);
  let openError: AppError | null = null;

  port.on('message', (m: CoreToWorker) => {
    if (m.t === 'workspace') {
      openError = null;
      try {
        if (role === 'write' && m.workspace?.damaged) throw new AppError('corrupt', m.workspace.damaged);
        context.setWorkspace(m.workspace ? connect(m.workspace, role) : null);
      } catch (e) {
        context.setWorkspace(null);
        openError = e instanceof AppError ? e : new AppError('internal', (e as Error).message);
      }
      post({ t: 'workspace-set' });
    } else if (m.t === 'call') {
      const answer = openError
        ? Promise.resolve({ ok: false as const, error: { code: openError.code, message: openError.message } })
        : dispatch(dataHandlers, m.channel, m.arg, context, (message, error) => console.error(message, error));
      void answer.then((result) => post({ t: 'result', id: m.id, json: JSON.stringify(result) }));
    } else {
      context.settle(m);
    }
  });
}

run();
