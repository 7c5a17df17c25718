// Every write transaction of the core starts IMMEDIATE: it takes the write lock first, so a second
// writer (another import, the CLI beside the app) waits for the busy timeout instead of failing
// at once with "database is locked", which is what a DEFERRED transaction does when it reads
// first and then tries to upgrade to a writer. Nested calls become savepoints of the outer one.
import type Database from 'better-sqlite3';

export function writeTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  // eslint-disable-next-line no-restricted-syntax -- the one place transactions are opened
  return sqlite.transaction(fn).immediate();
}
