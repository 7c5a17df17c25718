// Whether a file is an SQLite database at all, read from its header without opening it (a file we
// refuse must not be touched, not even by SQLite).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const SQLITE_HEADER = 'SQLite format 3\0';

export function looksLikeSqlite(path: string): boolean {
  const size = statSync(path).size;
  if (size === 0) return true; // an empty file is a valid, empty database
  if (size < 100) return false;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}
