// Writes the demo company into an empty workspace in one transaction: cancel or a crash leaves
// the workspace exactly as it was. Used by the app (as a job), `winnow demo` and the benchmarks.
import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { DEMO_COMPANY } from './catalog.ts';
import { DEMO_DEFAULTS, generateDemo } from './generate.ts';
import type { DemoOptions, DemoStats } from './generate.ts';
import type { DemoLookups, DemoSink } from './rows.ts';
import { rebuildIndexes, suspendIndexes } from '../db/bulk-indexes.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export interface LoadDemoHooks {
  /** Called every few hundred deals with deals written so far. */
  progress?: (done: number, total: number) => void;
  /** Polled with progress; true rolls everything back. */
  cancelled?: () => boolean;
}

export interface LoadDemoResult extends DemoStats {
  batchId: number;
}

const b = (v: boolean): number => (v ? 1 : 0);

function readLookups(sqlite: Database.Database): DemoLookups {
  const reasons = sqlite.prepare('SELECT id, name FROM reasons WHERE merged_into_id IS NULL').all() as {
    id: number;
    name: string;
  }[];
  const criteria = sqlite
    .prepare('SELECT id, key FROM rating_criteria WHERE retired_at IS NULL ORDER BY sort')
    .all() as { id: number; key: string }[];
  const quals = sqlite.prepare('SELECT id, key FROM qualification_criteria ORDER BY sort').all() as {
    id: number;
    key: string;
  }[];
  const themes = sqlite.prepare('SELECT id, name FROM themes').all() as { id: number; name: string }[];
  const guides = sqlite
    .prepare('SELECT id, default_for AS outcome FROM interview_guides WHERE default_for IS NOT NULL')
    .all() as { id: number; outcome: string }[];
  return {
    reasonIdByName: new Map(reasons.map((r) => [r.name, r.id])),
    ratingCriterionIds: criteria,
    qualificationIdByKey: new Map(quals.map((q) => [q.key, q.id])),
    themeIdByName: new Map(themes.map((t) => [t.name, t.id])),
    guideIdByOutcome: new Map(guides.map((g) => [g.outcome, g.id])),
  };
}

/** The demo needs a workspace with no business data (defaults such as the taxonomy are fine). */
export function assertEmptyForDemo(sqlite: Database.Database): void {
  const row = sqlite
    .prepare(
      'SELECT (SELECT count(*) FROM deals) AS deals, (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM competitors) AS competitors',
    )
    .get() as { deals: number; accounts: number; competitors: number };
  if (row.deals + row.accounts + row.competitors > 0) {
    throw new AppError(
      'conflict',
      `This workspace already holds data (${row.deals} deals, ${row.accounts} accounts). Create a new workspace for the demo.`,
    );
  }
}

function sqliteSink(sqlite: Database.Database, batchId: number): DemoSink {
  const st = (sql: string) => sqlite.prepare(sql);
  const team = st('INSERT INTO teams (id, name) VALUES (?, ?)');
  const owner = st('INSERT INTO owners (id, external_id, name, email, team_id) VALUES (?, ?, ?, ?, ?)');
  const product = st('INSERT INTO products (id, name, product_line, list_price) VALUES (?, ?, ?, ?)');
  const source = st('INSERT INTO lead_sources (id, name, sourced_by) VALUES (?, ?, ?)');
  const campaign = st('INSERT INTO campaigns (id, name, channel, start_date) VALUES (?, ?, ?, ?)');
  const competitor = st('INSERT INTO competitors (id, name, website) VALUES (?, ?, ?)');
  const alias = st('INSERT INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (?, ?, ?)');
  const account = st(
    'INSERT INTO accounts (id, external_id, name, sector, employee_band, revenue_band, segment, region, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const deal = st(
    `INSERT INTO deals (id, external_id, name, account_id, amount, currency, product_id, owner_id, team_id, deal_type,
       lead_source_id, sourced_by, segment, region, created_date, mql_date, sql_date, close_date, stage, outcome,
       lost_to_competitor_id, rep_reason_id, rep_reason_text, contract_start, contract_end, import_batch_id)
     VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dealCompetitor = st(
    'INSERT INTO deal_competitors (deal_id, competitor_id, is_primary, strengths, weaknesses) VALUES (?, ?, ?, ?, ?)',
  );
  const stage = st(
    'INSERT INTO stage_history (deal_id, stage, entered_at, amount, import_batch_id) VALUES (?, ?, ?, ?, ?)',
  );
  const touch = st('INSERT OR IGNORE INTO deal_touches (deal_id, campaign_id, touched_at) VALUES (?, ?, ?)');
  const lead = st(
    `INSERT INTO leads (id, external_id, account_id, lead_source_id, created_date, mql_date, sql_date, deal_id,
       owner_id, status, disqualified, disqualified_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const leadQual = st('INSERT INTO lead_qualifications (lead_id, criterion_id, met) VALUES (?, ?, ?)');
  const dealQual = st('INSERT INTO deal_qualifications (deal_id, criterion_id, met) VALUES (?, ?, ?)');
  const interview = st(
    `INSERT INTO interviews (id, deal_id, status, interviewee_name, interviewee_role, interviewee_title, interviewer_type, channel,
       interview_date, consent_to_quote, anonymous, guide_id, answers_json, buyer_statement, notes, import_batch_id, completed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const interviewReason = st(
    'INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver) VALUES (?, ?, ?, ?)',
  );
  const rating = st(
    'INSERT INTO interview_ratings (interview_id, criterion_id, competitor_id, rating) VALUES (?, ?, ?, ?)',
  );
  const quote = st(
    'INSERT INTO quotes (id, interview_id, text, sentiment, shareable, competitor_id, reason_id, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const quoteTheme = st('INSERT INTO quote_themes (quote_id, theme_id) VALUES (?, ?)');

  return {
    team: (id, name) => team.run(id, name),
    owner: (id, name, email, teamId) => owner.run(id, `USR-${String(id).padStart(4, '0')}`, name, email, teamId),
    product: (id, name, line, price) => product.run(id, name, line, price),
    leadSource: (id, name, by) => source.run(id, name, by),
    campaign: (id, name, channel, start) => campaign.run(id, name, channel, start),
    competitor: (id, name, website) => competitor.run(id, name, website),
    alias: (cid, a, key) => alias.run(cid, a, key),
    account: (...args) => account.run(...args),
    deal: (d) =>
      deal.run(
        d.id,
        d.externalId,
        d.name,
        d.accountId,
        d.amount,
        d.productId,
        d.ownerId,
        d.teamId,
        d.dealType,
        d.leadSourceId,
        d.sourcedBy,
        d.segment,
        d.region,
        d.createdDate,
        d.mqlDate,
        d.sqlDate,
        d.closeDate,
        d.stage,
        d.outcome,
        d.lostToCompetitorId,
        d.repReasonId,
        d.repReasonText,
        d.contractStart,
        d.contractEnd,
        batchId,
      ),
    dealCompetitor: (dealId, cid, primary, s, w) => dealCompetitor.run(dealId, cid, b(primary), s, w),
    stage: (dealId, name, at, amount) => stage.run(dealId, name, at, amount, batchId),
    touch: (dealId, cid, at) => touch.run(dealId, cid, at),
    lead: (id, ext, account, source, created, mql, sqlDate, deal, x) =>
      lead.run(id, ext, account, source, created, mql, sqlDate, deal, x.ownerId, x.status, b(x.disqualified), x.reason),
    leadQualification: (leadId, cid, met) => leadQual.run(leadId, cid, b(met)),
    dealQualification: (dealId, cid, met) => dealQual.run(dealId, cid, b(met)),
    interview: (i) =>
      interview.run(
        i.id,
        i.dealId,
        i.status,
        i.intervieweeName,
        i.intervieweeRole,
        i.intervieweeTitle,
        i.interviewerType,
        i.channel,
        i.interviewDate,
        b(i.consentToQuote),
        b(i.anonymous),
        i.guideId,
        i.answersJson,
        i.buyerStatement,
        i.notes,
        batchId,
        i.completedAt,
      ),
    interviewReason: (iid, rid, primary, driver) => interviewReason.run(iid, rid, b(primary), driver),
    rating: (iid, cid, comp, r) => rating.run(iid, cid, comp, r),
    quote: (id, iid, text, sentiment, shareable, comp, reason, sort) =>
      quote.run(id, iid, text, sentiment, b(shareable), comp, reason, sort),
    quoteTheme: (qid, tid) => quoteTheme.run(qid, tid),
  };
}

class Cancelled extends Error {}

/** Tables the demo fills in bulk. */
const BULK_TABLES = [
  'accounts',
  'deals',
  'deal_competitors',
  'stage_history',
  'deal_touches',
  'leads',
  'lead_qualifications',
  'deal_qualifications',
];

export function loadDemo(
  sqlite: Database.Database,
  opts: Partial<DemoOptions> = {},
  hooks: LoadDemoHooks = {},
): LoadDemoResult {
  const options: DemoOptions = { ...DEMO_DEFAULTS, ...opts };
  const started = new Date().toISOString();
  try {
    return writeTransaction(sqlite, () => {
      assertEmptyForDemo(sqlite);
      const lookups = readLookups(sqlite);
      const batchId = Number(
        sqlite
          .prepare(
            "INSERT INTO import_batches (kind, source_name, status, started_at, finished_at, detail_json) VALUES ('demo', ?, 'committed', ?, ?, ?)",
          )
          .run(`Demo: ${DEMO_COMPANY} (seed ${options.seed})`, started, started, JSON.stringify(options))
          .lastInsertRowid,
      );
      // The workspace is empty (checked above), so every index is rebuilt once at the end.
      const recreate = suspendIndexes(sqlite, BULK_TABLES, false);
      const sink = sqliteSink(sqlite, batchId);
      const stats = generateDemo(options, lookups, sink, (done) => {
        if (done % 250 !== 0 && done !== options.deals) return;
        if (hooks.cancelled?.()) throw new Cancelled();
        hooks.progress?.(done, options.deals);
      });
      hooks.progress?.(options.deals, options.deals);
      rebuildIndexes(sqlite, recreate);
      sqlite
        .prepare('UPDATE import_batches SET rows_read = ?, rows_inserted = ?, finished_at = ? WHERE id = ?')
        .run(stats.deals, stats.deals, new Date().toISOString(), batchId);
      sqlite
        .prepare(
          "INSERT INTO settings (key, value_json) VALUES ('onboarded', 'true') ON CONFLICT(key) DO UPDATE SET value_json = 'true'",
        )
        .run();
      return { ...stats, batchId };
    });
  } catch (e) {
    if (e instanceof Cancelled) throw new AppError('cancelled', 'Demo load cancelled; the workspace is unchanged.');
    throw e;
  }
}
