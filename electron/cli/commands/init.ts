// winnow init --db FILE: create a new, empty workspace. The only way (with `winnow demo`) the
// command line creates one: every other command refuses a path with no workspace.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from '../args.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { AppError } from '#core/errors.ts';
import { DB_OPTION, helpText } from '../help.ts';
import type { CliIO } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const initHelp =
  'winnow init [--db FILE]                            create a new, empty workspace (refuses an existing file)';

export const initDetails = () =>
  helpText(
    'winnow init [--db FILE]',
    'Creates a new, empty workspace file. An existing file is refused and left untouched.',
    [DB_OPTION],
  );

export async function initCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: true });
  const path = workspacePathFrom(values.db);
  if (existsSync(path)) throw new AppError('conflict', `${path} already exists; it was left untouched.`);
  mkdirSync(dirname(path), { recursive: true });
  const ws = await openWorkspace(path, { mode: 'create' });
  io.out(`Created ${path} (schema ${ws.schemaVersion}).`);
  ws.close();
  return 0;
}
