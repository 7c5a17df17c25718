// Column helpers shared by every table, so dates and audit stamps look the same everywhere.
// Dates are ISO text ('2026-03-31'); instants are ISO text with time in UTC. SQLite compares
// ISO text correctly, and the values survive CSV, JSON and IPC unchanged.
import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** Set by SQLite at insert; never trusted from input. */
export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** 0/1 integer flag (SQLite has no boolean); drizzle maps it to boolean. */
export const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);
