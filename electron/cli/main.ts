// The winnow command line: the app's core under plain Node, for analysts who automate and for
// checks. Each command lives in commands/; errors print one line and exit non-zero.
import { AppError } from '#core/errors.ts';
import { closest, didYouMean, helpIndex } from './args.ts';
import { appVersion } from './help.ts';
import { processIO, UsageError } from './io.ts';
import type { CliIO } from './io.ts';

interface Command {
  run: (argv: string[], io: CliIO) => Promise<number>;
  /** One line for the list of commands. */
  help: string;
  /** `winnow <command> [subcommand] --help`: the words before --help pick a subcommand's help. */
  details?: (words: string[]) => string;
}

// Each command's module is loaded only when that command runs: `winnow stats` must not pay for
// the importer, the demo generator or the matrices (start-up is most of a short command's time).
const COMMANDS: Record<string, () => Promise<Command>> = {
  cohorts: () =>
    import('./commands/cohorts.ts').then((m) => ({
      run: m.cohortsCommand,
      help: m.cohortsHelp,
      details: m.cohortsDetails,
    })),
  demo: () =>
    import('./commands/demo.ts').then((m) => ({ run: m.demoCommand, help: m.demoHelp, details: m.demoDetails })),
  stats: () =>
    import('./commands/stats.ts').then((m) => ({ run: m.statsCommand, help: m.statsHelp, details: m.statsDetails })),
  matrix: () =>
    import('./commands/matrix.ts').then((m) => ({
      run: m.matrixCommand,
      help: m.matrixHelp,
      details: m.matrixDetails,
    })),
  competitor: () =>
    import('./commands/competitor.ts').then((m) => ({
      run: m.competitorCommand,
      help: m.competitorHelp,
      details: m.competitorDetails,
    })),
  interviews: () =>
    import('./commands/interviews.ts').then((m) => ({
      run: m.interviewsCommand,
      help: m.interviewsHelp,
      details: m.interviewsDetails,
    })),
  reasons: () =>
    import('./commands/reasons.ts').then((m) => ({
      run: m.reasonsCommand,
      help: m.reasonsHelp,
      details: m.reasonsDetails,
    })),
  import: () =>
    import('./commands/import.ts').then((m) => ({
      run: m.importCommand,
      help: m.importHelp,
      details: m.importDetails,
    })),
  export: () =>
    import('./commands/export.ts').then((m) => ({
      run: m.exportCommand,
      help: m.exportHelp,
      details: m.exportDetails,
    })),
  init: () =>
    import('./commands/init.ts').then((m) => ({ run: m.initCommand, help: m.initHelp, details: m.initDetails })),
  backup: () =>
    import('./commands/backup.ts').then((m) => ({
      run: m.backupCommand,
      help: m.backupHelp,
      details: m.backupDetails,
    })),
  backups: () =>
    import('./commands/backup.ts').then((m) => ({
      run: m.backupsCommand,
      help: m.backupsHelp,
      details: m.backupsDetails,
    })),
  restore: () =>
    import('./commands/backup.ts').then((m) => ({
      run: m.restoreCommand,
      help: m.restoreHelp,
      details: m.restoreDetails,
    })),
  check: () =>
    import('./commands/backup.ts').then((m) => ({ run: m.checkCommand, help: m.checkHelp, details: m.checkDetails })),
  funnel: () =>
    import('./commands/funnel.ts').then((m) => ({
      run: m.funnelCommand,
      help: m.funnelHelp,
      details: m.funnelDetails,
    })),
  velocity: () =>
    import('./commands/funnel.ts').then((m) => ({
      run: m.velocityCommand,
      help: m.velocityHelp,
      details: m.velocityDetails,
    })),
  sourced: () => import('./commands/sourced.ts').then((m) => ({ run: m.sourcedCommand, help: m.sourcedHelp })),
  criteria: () => import('./commands/criteria.ts').then((m) => ({ run: m.criteriaCommand, help: m.criteriaHelp })),
  plan: () => import('./commands/plan.ts').then((m) => ({ run: m.planCommand, help: m.planHelp })),
  report: () =>
    import('./commands/report.ts').then((m) => ({
      run: m.reportCommand,
      help: m.reportHelp,
      details: m.reportDetails,
    })),
};

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [
    'Usage: winnow <command> [options]',
    "       winnow <command> --help     (a command's options and what it prints)",
    '       winnow --version',
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
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`winnow ${appVersion()}`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    const what = name.startsWith('-') ? 'option' : 'command';
    const guess = closest(name, name.startsWith('-') ? ['--help', '--version'] : Object.keys(COMMANDS));
    io.err(
      `winnow: unknown ${what} ${what === 'command' ? `"${name}"` : name}${didYouMean(guess)}. Run "winnow --help" for the list.`,
    );
    return 2;
  }
  try {
    const command = await load();
    const help = helpIndex(rest);
    if (help >= 0) {
      const words = rest.slice(0, help).filter((w) => !w.startsWith('-'));
      io.out(command.details ? command.details(words) : `Usage: ${command.help}`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
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
