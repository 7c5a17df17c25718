// winnow stats --db FILE [--json]: the dashboard's figures, from the same query code.
import { parseArgs } from '../args.ts';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import { dashboardSummary } from '#core/dashboard/dashboard-queries.ts';
import { pipelineFigures } from '#core/dashboard/pipeline-queries.ts';
import { openSqlWorkspace } from '#core/db/open-sql-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { num } from '../io.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const statsHelp =
  'winnow stats [--db FILE] [--json]                  deals, open deals by stage, win rate with its 95% interval, average won deal, competitors, interviews';

export const statsDetails = () =>
  helpText(
    'winnow stats [--db FILE] [--json]',
    'The Home figures: deals by outcome, open deals by stage, the win rate with its 95% interval (new business\n' +
      'and every deal type), the average won deal size, interviews, the competitors met most often, the last import.',
    [DB_OPTION, JSON_OPTION],
  );

const n = (x: number) => num(x);

export async function statsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const path = workspacePathFrom(values.db);
  const ws = await openSqlWorkspace(path, { verify: 'quick' });
  try {
    const settings = readSettings(ws.sqlite);
    const s = dashboardSummary(ws.sqlite, settings);
    const pipeline = pipelineFigures(ws.sqlite);
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            workspace: path,
            schemaVersion: ws.schemaVersion,
            definition: closedDefinition(settings),
            ...s,
            ...pipeline,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const lines = [
      `Workspace    ${path} (schema ${ws.schemaVersion})`,
      `Deals        ${n(s.dealsTotal)} (${s.outcomes.map((o) => `${OUTCOME_LABEL[o.outcome].toLowerCase()} ${n(o.deals)}`).join(', ')})`,
      'Open deals by stage:',
      ...(pipeline.openByStage.length === 0
        ? ['  none open']
        : pipeline.openByStage.map(
            (o) =>
              `  ${(o.stage ?? 'no stage').padEnd(22)} ${n(o.deals).padStart(7)} deal${o.deals === 1 ? ' ' : 's'}  ${n(o.amount).padStart(13)} ${s.currency}`,
          )),
      `Win rate     new business: ${describeRateText(s.winRate)}`,
      `             all deal types: ${describeRateText(s.winRateAllTypes)}`,
      `             ${closedDefinition(settings)}`,
      `Won deal     ${
        pipeline.averageWon.amount === null
          ? 'no won new-business deal has an amount'
          : `${n(Math.round(pipeline.averageWon.amount))} ${s.currency} on average (new business, ${n(pipeline.averageWon.deals)} won deals with an amount)`
      }`,
      `Interviews   ${n(s.interviews.total)} (${n(s.interviews.complete)} complete, ${n(s.interviews.draft)} drafts) on ${n(s.interviews.dealsCovered)} deals`,
      'Competitors met most often (win rate against them):',
      ...s.topCompetitors.map(
        (c) => `  ${c.name.padEnd(22)} ${n(c.encounters).padStart(7)} deals  ${describeRateText(c.winRate)}`,
      ),
      s.lastImport
        ? `Last import  ${s.lastImport.sourceName}, ${s.lastImport.finishedAt.slice(0, 10)}: ${n(s.lastImport.rowsRead)} rows read, ${n(s.lastImport.rowsInserted)} added, ${n(s.lastImport.rowsUpdated)} updated, ${n(s.lastImport.rowsRejected)} rejected`
        : 'Last import  none',
    ];
    for (const line of lines) io.out(line);
    return 0;
  } finally {
    ws.close();
  }
}
