// winnow cohorts [--grain month|quarter|year] [--metric logo|nrr|grr] [--by FIELD]
//                [--where FIELD=VALUE[,VALUE]]... [--db FILE] [--json]
// The cohort matrix from the same queries and maths as the app: one line per cell with its
// numerator, denominator and value, then the weighted average; with --by, one block per group.
import { parseArgs } from '../args.ts';
import { metricOf } from '#shared/analytics/cohort-metric.ts';
import type { MetricValue } from '#shared/analytics/cohort-metric.ts';
import type {
  CohortAverageCell,
  CohortField,
  CohortFilter,
  CohortMatrix,
  RetentionMetric,
} from '#shared/domain/retention.ts';
import {
  COHORT_FIELDS,
  FIELD_LABEL,
  GRAINS,
  METRIC_LABEL,
  RETENTION_DEFINITIONS,
  RETENTION_METRICS,
} from '#shared/domain/retention.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { cohortReport } from '#core/retention/cohort-queries.ts';
import { dimensionValues } from '#core/retention/group-cells.ts';
import { ensureFresh } from '#core/retention/retention-refresh.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { endProgress, num, pct, progress, UsageError } from '../io.ts';
import { gridLines } from '../text-grid.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const cohortsHelp =
  'winnow cohorts [--grain G] [--metric M] [--by F] [--where F=V]... [--cells] [--db FILE] [--json]   cohort triangle (--cells: numerator, denominator per cell)';

export const cohortsDetails = () =>
  helpText(
    'winnow cohorts [--grain month|quarter|year] [--metric logo|nrr|grr] [--by FIELD] [--where FIELD=VALUE[,VALUE]]... [--cells] [--db FILE] [--json]',
    'Retention by cohort: a triangle of cohorts (rows, with their size) by periods since the cohort started\n' +
      '(columns), then the weighted average; --cells lists every cell with its numerator, denominator and 95%\n' +
      'interval instead. FIELD is one of segment, sector, region, product, competitor, reason, lead-source.',
    [
      ['--grain G', 'month (default), quarter or year'],
      ['--metric M', 'logo (customers, the default), nrr (net revenue) or grr (gross revenue)'],
      ['--by FIELD', 'one triangle per value of FIELD'],
      ['--where F=V', 'only customers whose F is V (several values after one "=", separated by commas)'],
      ['--cells', 'one line per cell with numerator, denominator, value, interval and flags'],
      DB_OPTION,
      JSON_OPTION,
    ],
  );

/** CLI spellings of the fields (kebab case too). */
const FIELD_NAMES: Record<string, CohortField> = {
  ...Object.fromEntries(COHORT_FIELDS.map((f) => [f.toLowerCase(), f])),
  'lead-source': 'leadSource',
  lead_source: 'leadSource',
  'win-reason': 'reason',
  'competitor-displaced': 'competitor',
};

function fieldFrom(text: string, option: string): CohortField {
  const field = FIELD_NAMES[text.trim().toLowerCase()];
  if (!field) {
    throw new UsageError(
      `${option} must be one of segment, sector, region, product, competitor, reason, lead-source; got "${text}"`,
    );
  }
  return field;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be ${allowed.join(', ')}; got "${value}"`);
  }
  return value as T;
}

const int = (x: number) => num(x);
const money = (x: number) => num(x, 2);

function valueText(v: MetricValue): string {
  if (v.denominator === 0 || v.value === null) return '–';
  if (v.confidence === 'hidden') return 'n too small';
  return pct(v.value);
}

function ciText(v: MetricValue): string {
  if (v.low === null || v.high === null || v.confidence === 'hidden') return '';
  return `${pct(v.low)}–${pct(v.high)}`;
}

function cellLine(cohort: string, size: string, k: number, period: string, v: MetricValue, flags: string): string {
  const amount = v.counts ? int : money;
  return [
    cohort.padEnd(9),
    size.padStart(7),
    String(k).padStart(3),
    period.padEnd(9),
    amount(v.numerator).padStart(15),
    amount(v.denominator).padStart(15),
    valueText(v).padStart(11),
    ciText(v).padEnd(13),
    flags,
  ]
    .join('  ')
    .trimEnd();
}

function flagsOf(v: MetricValue, incomplete: boolean): string {
  const out: string[] = [];
  if (incomplete) out.push('incomplete');
  if (v.confidence === 'low') out.push('low n');
  return out.join(', ');
}

/** --cells: one line per cell with its numerator, denominator, value, interval and flags. */
function cellLines(m: CohortMatrix, metric: RetentionMetric): string[] {
  const header = [
    'cohort'.padEnd(9),
    'size'.padStart(7),
    'k'.padStart(3),
    'period'.padEnd(9),
    'numerator'.padStart(15),
    'denominator'.padStart(15),
    'value'.padStart(11),
    '95% CI'.padEnd(13),
    'flags',
  ].join('  ');
  const lines = [header];
  for (const row of m.rows) {
    for (const cell of row.cells) {
      const v = metricOf(cell, metric);
      lines.push(cellLine(row.label, int(row.size), cell.k, cell.periodLabel, v, flagsOf(v, cell.incomplete)));
    }
  }
  for (const a of m.average) lines.push(averageLine(a, metric));
  return lines;
}

/**
 * A triangle cell: the value in whole percent ("–" when n is too small, "·" with no base), then two
 * marker places, "*" low confidence and "~" incomplete period, always there so the figures line up.
 */
export function triangleCell(v: MetricValue, incomplete: boolean): string {
  const marks = `${v.confidence === 'low' ? '*' : ' '}${incomplete ? '~' : ' '}`;
  if (v.denominator === 0 || v.value === null) return '·  ';
  if (v.confidence === 'hidden') return `– ${marks.slice(1)}`;
  return `${pct(v.value, 0)}${marks}`;
}

/** The default layout: cohorts down, periods since the cohort started across, the average last. */
export function triangleLines(m: CohortMatrix, metric: RetentionMetric): string[] {
  const head = ['Cohort', 'Size', ...Array.from({ length: m.maxK + 1 }, (_, k) => `+${k}`)];
  const body = m.rows.map((row) => [
    row.label,
    int(row.size),
    ...row.cells.map((cell) => triangleCell(metricOf(cell, metric), cell.incomplete)),
  ]);
  const byK = new Map(m.average.map((a) => [a.k, a]));
  body.push([
    'Average',
    '',
    ...Array.from({ length: m.maxK + 1 }, (_, k) => {
      const a = byK.get(k);
      return a ? triangleCell(metricOf(a, metric), false) : '';
    }),
  ]);
  return gridLines(head, body);
}

/** The weighted-average row: its "period" column says how many cohorts were pooled. */
function averageLine(a: CohortAverageCell, metric: RetentionMetric): string {
  const v = metricOf(a, metric);
  return cellLine('average', int(a.size), a.k, `${a.cohorts} coh.`, v, v.confidence === 'low' ? 'low n' : '');
}

export async function cohortsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      grain: { type: 'string' },
      metric: { type: 'string' },
      by: { type: 'string' },
      where: { type: 'string', multiple: true },
      cells: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const grain = oneOf(values.grain, GRAINS, 'grain', 'month');
  const metric = oneOf(values.metric, RETENTION_METRICS, 'metric', 'logo');
  const by = values.by === undefined ? null : fieldFrom(values.by, '--by');
  const wheres = (values.where ?? []).map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where takes FIELD=VALUE (values separated by commas); got "${w}"`);
    return {
      field: fieldFrom(w.slice(0, eq), '--where'),
      values: w
        .slice(eq + 1)
        .split(',')
        .map((v) => v.trim()),
    };
  });
  if (new Set(wheres.map((w) => w.field)).size !== wheres.length) {
    throw new UsageError('--where: give each field once (several values go after one "=", separated by commas)');
  }

  const path = workspacePathFrom(values.db);
  const ws = await openWorkspace(path, { mode: 'open', verify: 'quick' });
  try {
    const plan = ensureFresh(ws.sqlite, {
      inlineAnyway: true,
      hooks: {
        progress: (done, total, message) => {
          if (total > 0) progress(io, `${message}: ${int(done)} of ${int(total)} accounts`);
        },
      },
    });
    endProgress(io);
    const settings = readSettings(ws.sqlite);

    // Filter values are typed as names (or keys); each must name something that exists.
    let filters: CohortFilter[] = [];
    if (wheres.length > 0) {
      const dims = dimensionValues(ws.sqlite);
      filters = wheres.map((w) => ({
        field: w.field,
        values: w.values.map((text) => {
          const found = dims[w.field].find((d) => d.key === text || d.label.toLowerCase() === text.toLowerCase());
          if (!found) {
            const known = dims[w.field].map((d) => d.label).join(', ');
            throw new UsageError(`--where ${w.field}: no customer has "${text}"; known values: ${known || 'none'}`);
          }
          return found.key;
        }),
      }));
    }

    const report = cohortReport(ws.sqlite, plan, { grain, filters, by, group: null }, settings);
    const groups =
      by === null
        ? [{ key: null as string | null, label: 'All customers', matrix: report.matrix }]
        : (report.groups ?? []).map((g) => ({
            key: g.key as string | null,
            label: g.label,
            matrix: cohortReport(ws.sqlite, plan, { grain, filters, by, group: g.key }, settings).matrix,
          }));

    if (values.json) {
      io.out(
        JSON.stringify(
          {
            workspace: path,
            grain,
            metric,
            by,
            filters,
            asOf: report.asOf,
            incompleteFrom: report.asOfComplete ? null : report.asOfLabel,
            customers: report.customers,
            sources: report.sources,
            currency: report.currency,
            definitions: RETENTION_DEFINITIONS,
            groups: groups.map((g) => ({
              key: g.key,
              label: g.label,
              customers: g.matrix.customers,
              cells: g.matrix.rows.flatMap((row) =>
                row.cells.map((cell) => ({
                  cohort: row.label,
                  size: row.size,
                  k: cell.k,
                  period: cell.periodLabel,
                  incomplete: cell.incomplete,
                  ...metricOf(cell, metric),
                })),
              ),
              average: g.matrix.average.map((a) => ({
                k: a.k,
                cohorts: a.cohorts,
                size: a.size,
                ...metricOf(a, metric),
              })),
            })),
          },
          null,
          2,
        ),
      );
      return 0;
    }

    // The period the triangle covers: the first cohort to the oldest cohort's last period.
    const first = report.matrix.rows[0];
    const span = first ? `${first.label} to ${first.cells.at(-1)?.periodLabel ?? first.label}` : '';
    const filterText = filters.map(
      (f) => `${FIELD_LABEL[f.field]} = ${wheres.find((w) => w.field === f.field)!.values.join(' or ')}`,
    );
    const out: string[] = [
      `Cohorts by ${grain}: ${METRIC_LABEL[metric]}${by ? `, split by ${FIELD_LABEL[by].toLowerCase()}` : ''}` +
        (span ? `, ${span}` : '') +
        (filterText.length > 0 ? `; ${filterText.join(', ')}` : '; all customers'),
      `Workspace ${path}`,
      report.asOf === null
        ? 'No revenue in this workspace yet: no won deals with amounts, no imported revenue lines.'
        : `Data through ${report.asOf}; ${
            report.asOfComplete
              ? `it ends ${report.asOfLabel}, which is complete.`
              : `${report.asOfLabel} and later are incomplete.`
          } ${int(report.customers)} customers ` +
          `(${int(report.sources.deals)} from won deals, ${int(report.sources.mrr)} from MRR lines, ${int(report.sources.invoice)} from invoices).`,
      RETENTION_DEFINITIONS.cohort,
      RETENTION_DEFINITIONS[metric],
      RETENTION_DEFINITIONS.average,
      metric === 'logo'
        ? 'Numerator and denominator are customers; the interval is the 95% Wilson score interval.'
        : `Numerator and denominator are revenue in ${report.currency}. ${RETENTION_DEFINITIONS.periodRevenue}`,
      values.cells
        ? 'One line per cell: cohort, its size, k periods after its start, numerator, denominator, value, interval.'
        : `Rows: cohorts (their first ${grain}) and their size; columns: +k ${grain}s after it. Cells: ${METRIC_LABEL[metric]} ` +
          '(– n too small to show, * low confidence, ~ incomplete period, · no base); --cells lists numerators and denominators.',
    ];
    for (const g of groups) {
      out.push('');
      out.push(`${g.label} (${int(g.matrix.customers)} customers)`);
      if (g.matrix.rows.length === 0) out.push('  no customers');
      else out.push(...(values.cells ? cellLines(g.matrix, metric) : triangleLines(g.matrix, metric)));
    }
    if (report.asOfPeriod !== null && groups.length === 0) out.push('', 'No customers match the filters.');
    for (const line of out) io.out(line);
    return 0;
  } finally {
    ws.close();
  }
}
