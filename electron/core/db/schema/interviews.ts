// Win/loss interviews: who said what about a deal, coded to reasons, rated and quoted.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  DRIVERS,
  INTERVIEW_CHANNELS,
  INTERVIEW_STATUSES,
  INTERVIEWEE_ROLES,
  INTERVIEWER_TYPES,
  SENTIMENTS,
} from '#shared/domain/enums.ts';
import { createdAt, flag, id, updatedAt } from './columns.ts';
import { competitors } from './competitors.ts';
import { deals } from './deals.ts';
import { importBatches } from './imports.ts';
import { reasons } from './reasons.ts';

/** An editable template of questions in sections; defaults exist for won, lost and no-decision deals. */
export const interviewGuides = sqliteTable('interview_guides', {
  id: id(),
  name: text('name').notNull().unique(),
  /** Which outcome this guide is the default for, or null for none. */
  defaultFor: text('default_for', { enum: ['won', 'lost', 'no_decision'] }),
  /** JSON: [{ title, questions: [{ key, text }] }] */
  sectionsJson: text('sections_json').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const interviews = sqliteTable(
  'interviews',
  {
    id: id(),
    externalId: text('external_id').unique(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull().default('draft'),
    intervieweeName: text('interviewee_name'),
    intervieweeRole: text('interviewee_role', { enum: INTERVIEWEE_ROLES }),
    intervieweeTitle: text('interviewee_title'),
    interviewerType: text('interviewer_type', { enum: INTERVIEWER_TYPES }),
    channel: text('channel', { enum: INTERVIEW_CHANNELS }),
    interviewDate: text('interview_date'),
    consentToQuote: flag('consent_to_quote'),
    anonymous: flag('anonymous'),
    guideId: integer('guide_id').references(() => interviewGuides.id, { onDelete: 'set null' }),
    /** JSON: { [questionKey]: answer text } for the guide's questions. */
    answersJson: text('answers_json').notNull().default('{}'),
    /** The buyer's own statement of the outcome and the primary reason, in their words. */
    buyerStatement: text('buyer_statement'),
    /** Free notes; a safe Markdown subset, rendered without raw HTML. */
    notes: text('notes'),
    importBatchId: integer('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    completedAt: text('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('interviews_deal').on(t.dealId), index('interviews_status_date').on(t.status, t.interviewDate)],
);

/** Reason codes on an interview: one primary, any secondary, each a win or loss driver. */
export const interviewReasons = sqliteTable(
  'interview_reasons',
  {
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    reasonId: integer('reason_id')
      .notNull()
      .references(() => reasons.id, { onDelete: 'restrict' }),
    isPrimary: flag('is_primary'),
    driver: text('driver', { enum: DRIVERS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.reasonId] }),
    index('interview_reasons_reason').on(t.reasonId, t.driver, t.isPrimary),
    // At most one primary reason per interview.
    uniqueIndex('interview_reasons_one_primary')
      .on(t.interviewId)
      .where(sql`${t.isPrimary} = 1`),
  ],
);

/** Decision criteria rated 1 to 5 (product fit, price/value, ...). */
export const ratingCriteria = sqliteTable('rating_criteria', {
  id: id(),
  key: text('key').notNull().unique(),
  label: text('label').notNull(),
  sort: integer('sort').notNull().default(0),
  retiredAt: text('retired_at'),
});

/** A rating of us (competitor_id null) or of a competitor on the deal, on one criterion. */
export const interviewRatings = sqliteTable(
  'interview_ratings',
  {
    id: id(),
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => ratingCriteria.id, { onDelete: 'restrict' }),
    competitorId: integer('competitor_id').references(() => competitors.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
  },
  (t) => [
    check('interview_ratings_range', sql`${t.rating} BETWEEN 1 AND 5`),
    // One rating per subject and criterion; NULL means "us", and SQLite treats NULLs as distinct
    // in unique indexes, so "us" gets its own partial index.
    uniqueIndex('interview_ratings_us')
      .on(t.interviewId, t.criterionId)
      .where(sql`${t.competitorId} IS NULL`),
    uniqueIndex('interview_ratings_competitor')
      .on(t.interviewId, t.criterionId, t.competitorId)
      .where(sql`${t.competitorId} IS NOT NULL`),
    index('interview_ratings_criterion').on(t.criterionId, t.competitorId),
    // An interview's ratings (read, replaced, deleted with it): the partial indexes above cannot
    // serve "WHERE interview_id = ?" alone, so without it each would scan the table.
    index('interview_ratings_interview').on(t.interviewId),
  ],
);

export const themes = sqliteTable('themes', {
  id: id(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const quotes = sqliteTable(
  'quotes',
  {
    id: id(),
    /** The quote's id in a spreadsheet it was imported from (re-importing updates it). */
    externalId: text('external_id').unique(),
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    sentiment: text('sentiment', { enum: SENTIMENTS }).notNull().default('neutral'),
    shareable: flag('shareable'),
    competitorId: integer('competitor_id').references(() => competitors.id, { onDelete: 'set null' }),
    reasonId: integer('reason_id').references(() => reasons.id, { onDelete: 'set null' }),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('quotes_interview').on(t.interviewId), index('quotes_competitor').on(t.competitorId)],
);

export const quoteThemes = sqliteTable(
  'quote_themes',
  {
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.themeId] }), index('quote_themes_theme').on(t.themeId)],
);
