// Backup and integrity calls that run on a read connection of the pool (VACUUM INTO and the
// integrity checks work read-only), so a long check or copy never holds up the session thread.
import type { backupChannels } from '#shared/contract/backup.ts';
import type { HandlersOf } from '#shared/contract/index.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { keepRuleOf, listBackups } from './backup-files.ts';
import { integrityOf, writeBackup } from './backup-write.ts';

type PoolChannels = Pick<typeof backupChannels, 'backup:list' | 'backup:create' | 'backup:check'>;

export const backupHandlers: HandlersOf<PoolChannels, CoreContext> = {
  'backup:list': (_arg, ctx) => listBackups(ctx.require().path),
  'backup:create': ({ reason }, ctx) => {
    const ws = ctx.require();
    return writeBackup(ws.sqlite, ws.path, reason, { keep: keepRuleOf(readSettings(ws.sqlite)) });
  },
  'backup:check': ({ full }, ctx) => {
    const verdict = integrityOf(ctx.require().sqlite, full);
    return { ok: verdict === 'ok', message: verdict === 'ok' ? null : verdict, full };
  },
};
