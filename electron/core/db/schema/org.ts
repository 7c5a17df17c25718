// Who sells what: teams, owners (reps) and products.
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns.ts';

export const teams = sqliteTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const owners = sqliteTable(
  'owners',
  {
    id: id(),
    externalId: text('external_id').unique(),
    name: text('name').notNull(),
    email: text('email'),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** Where the rep sits ("London", "Austin"): a win-rate matrix dimension. */
    office: text('office'),
    /** The rep's region as the sales org has it (may differ from the deal's or account's region). */
    region: text('region'),
    /** The rep's manager, by name as the owners file gives it. */
    manager: text('manager'),
    createdAt: createdAt(),
  },
  (t) => [index('owners_team').on(t.teamId), index('owners_name').on(t.name)],
);

export const products = sqliteTable('products', {
  id: id(),
  name: text('name').notNull().unique(),
  productLine: text('product_line'),
  listPrice: real('list_price'),
  createdAt: createdAt(),
});

/**
 * Other spellings of a product that the user confirmed in an import's check ("Insight Pros" is
 * "Insight Pro"): the next import maps them silently. Keyed like competitor aliases (aliasKey).
 */
export const productAliases = sqliteTable(
  'product_aliases',
  {
    id: id(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    aliasKey: text('alias_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('product_aliases_key').on(t.aliasKey), index('product_aliases_product').on(t.productId)],
);
