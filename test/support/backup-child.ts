// Writes one backup in a child process so a test can kill it mid-way. Usage: node backup-child.ts DB
import { backupFile } from '#core/backup/backup-write.ts';

const [db] = process.argv.slice(2) as [string];
process.stdout.write('started\n');
const b = backupFile(db, 'manual');
process.stdout.write(`${JSON.stringify(b)}\n`);
