// Looks at a file before SQLite is allowed near it: a file we refuse must be left byte-for-byte as
// it was, with no -wal/-shm beside it. The header is read with plain file reads; only a file whose
// header says it is a Winnow workspace (or one with a journal beside it) is probed by SQLite, and
// whatever sidecar files that probe creates are removed again.
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../errors.ts';
import { APPLICATION_ID } from './migrator.ts';

const SQLITE_HEADER = 'SQLite format 3\0';
const SIDECARS = ['-wal', '-shm', '-journal'] as const;

export interface FileHeader {
  applicationId: number;
  userVersion: number;
  pageSize: number;
  /** Pages the header says the file holds (0 when the header's count is not trustworthy). */
  pageCount: number;
  /** True when the header was written in WAL mode. */
  wal: boolean;
}

function refuse(label: string, why: string): never {
  throw new AppError('not_a_workspace', `${label} is not a Winnow workspace (${why}); it was left untouched.`);
}

/** Reads and checks the 100-byte SQLite header; throws a one-line refusal for anything else. */
export function readHeader(path: string): FileHeader {
  const label = basename(path);
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    void e;
    throw new AppError('not_found', `No workspace file at ${path}.`);
  }
  if (st.isDirectory()) refuse(label, 'it is a folder');
  if (!st.isFile()) refuse(label, 'it is not a regular file');
  if (st.size === 0) refuse(label, 'the file is empty');
  if (st.size < 100) refuse(label, 'not a SQLite file');
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.toString('latin1', 0, 16) !== SQLITE_HEADER) refuse(label, 'not a SQLite file');
  const rawPage = buf.readUInt16BE(16);
  const pageSize = rawPage === 1 ? 65536 : rawPage;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) refuse(label, 'a damaged SQLite header');
  const counterValid = buf.readUInt32BE(24) === buf.readUInt32BE(92);
  return {
    applicationId: buf.readUInt32BE(68),
    userVersion: buf.readUInt32BE(60),
    pageSize,
    pageCount: counterValid ? buf.readUInt32BE(28) : 0,
    wal: buf[18] === 2 || buf[19] === 2,
  };
}

/** The -wal/-shm/-journal files beside a database that exist now. */
export function existingSidecars(path: string): Set<string> {
  return new Set(SIDECARS.map((s) => `${path}${s}`).filter((p) => existsSync(p)));
}

/** Removes the sidecar files that were not there before (a read-only probe of a WAL file makes them). */
export function removeNewSidecars(path: string, before: Set<string>): void {
  for (const p of existingSidecars(path)) {
    if (!before.has(p)) rmSync(p, { force: true });
  }
}

/**
 * Refuses, before SQLite opens it, a file that cannot be one of our workspaces: not SQLite, another
 * application's database (its application id is not ours and no uncommitted journal could change
 * that), or a file shorter than its header says (truncated).
 */
export function checkWorkspaceFile(path: string): FileHeader {
  const label = basename(path);
  const header = readHeader(path);
  const walBeside = existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
  // A workspace written in WAL mode and never checkpointed keeps its first page in the -wal, so
  // the header on disk cannot be trusted then; SQLite's own probe decides.
  if (!walBeside && header.applicationId !== APPLICATION_ID) {
    refuse(label, 'a SQLite database of another application');
  }
  const size = statSync(path).size;
  if (
    !walBeside &&
    (size % header.pageSize !== 0 || (header.pageCount > 0 && size < header.pageCount * header.pageSize))
  ) {
    throw new AppError(
      'corrupt',
      `${label} is damaged (the file is shorter than its header says: truncated). It was left untouched; restore a backup.`,
    );
  }
  return header;
}
