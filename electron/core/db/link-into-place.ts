// A workspace built under a temporary name (new, or imported from an archive) is moved into place
// with a hard link, which fails if the target exists: an existing file is never overwritten.
import { existsSync, linkSync, renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fsyncPath } from '../backup/backup-write.ts';
import { AppError } from '../errors.ts';

/** temp must be closed and complete; it is synced first, the folder after. The caller removes temp. */
export function linkIntoPlace(temp: string, target: string): void {
  fsyncPath(temp);
  try {
    linkSync(temp, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('conflict', `${basename(target)} already exists; it was left untouched.`);
    }
    if (existsSync(target)) throw e;
    renameSync(temp, target); // file systems without hard links (FAT)
  }
  fsyncPath(dirname(target));
}
