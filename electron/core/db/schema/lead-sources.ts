// Lead sources (web, partner, event ...): the channel a deal or a lead came from.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SOURCED_BY } from '#shared/domain/enums.ts';
import { createdAt, id } from './columns.ts';

export const leadSources = sqliteTable('lead_sources', {
  id: id(),
  name: text('name').notNull().unique(),
  /** Who sources leads from this channel by default. */
  sourcedBy: text('sourced_by', { enum: SOURCED_BY }).notNull(),
  createdAt: createdAt(),
});
