// The winnow command line: the app's core under plain Node, for analysts who automate and for
// checks. Each command lives in commands/; errors print one line and exit non-zero.
import { AppError } from '#core/errors.ts';
import { processIO, UsageError } from './io.ts';
import type { CliIO } from './io.ts';

interface Command {
  run: (argv: string[], io: CliIO) => Promise<number>;
  help: string;
}

// Each command's module is loaded only when that command runs: `winnow stats` must not pay for
// the importer, the demo generator or the matrices (start-up is most of a short command's time).
const COMMANDS: Record<string, () => Promise<Command>> = {
  cohorts: () => import('./commands/cohorts.ts').then((m) => ({ run: m.cohortsCommand, help: m.cohortsHelp })),
  demo: () => import('./commands/demo.ts').then((m) => ({ run: m.demoCommand, help: m.demoHelp })),
  stats: () => import('./commands/stats.ts').then((m) => ({ run: m.statsCommand, help: m.statsHelp })),
  matrix: () => import('./commands/matrix.ts').then((m) => ({ run: m.matrixCommand, help: m.matrixHelp })),
  competitor: () =>
    import('./commands/competitor.ts').then((m) => ({ run: m.competitorCommand, help: m.competitorHelp })),
  interviews: () =>
    import('./commands/interviews.ts').then((m) => ({ run: m.interviewsCommand, help: m.interviewsHelp })),
  reasons: () => import('./commands/reasons.ts').then((m) => ({ run: m.reasonsCommand, help: m.reasonsHelp })),
  import: () => import('./commands/import.ts').then((m) => ({ run: m.importCommand, help: m.importHelp })),
  export: () => import('./commands/export.ts').then((m) => ({ run: m.exportCommand, help: m.exportHelp })),
  init: () => import('./commands/init.ts').then((m) => ({ run: m.initCommand, help: m.initHelp })),
  backup: () => import('./commands/backup.ts').then((m) => ({ run: m.backupCommand, help: m.backupHelp })),
  backups: () => import('./commands/backup.ts').then((m) => ({ run: m.backupsCommand, help: m.backupsHelp })),
  restore: () => import('./commands/backup.ts').then((m) => ({ run: m.restoreCommand, help: m.restoreHelp })),
  check: () => import('./commands/backup.ts').then((m) => ({ run: m.checkCommand, help: m.checkHelp })),
  funnel: () => import('./commands/funnel.ts').then((m) => ({ run: m.funnelCommand, help: m.funnelHelp })),
  velocity: () => import('./commands/funnel.ts').then((m) => ({ run: m.velocityCommand, help: m.velocityHelp })),
  plan: () => import('./commands/plan.ts').then((m) => ({ run: m.planCommand, help: m.planHelp })),
  report: () => import('./commands/report.ts').then((m) => ({ run: m.reportCommand, help: m.reportHelp })),
};

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [
    'Usage: winnow <command> [options]',
    '',
    ...commands.map((c) => `  ${c.help}`),
    '',
    'Without --db, commands use the workspace the app last opened (or its default file in the user-data folder).',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(await usage());
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`winnow: unknown command "${name}". Run "winnow help" for the list.`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`winnow ${name}: ${e.message}`);
      return 2;
    }
    if (e instanceof AppError) {
      io.err(`winnow ${name}: ${e.message}`);
      return 1;
    }
    io.err(`winnow ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
