import type Database from 'better-sqlite3';
import type { HandlersOf } from '#shared/contract/index.ts';
import type { reasonsChannels } from '#shared/contract/reasons.ts';
import type { CoreContext } from '../rpc/context.ts';
import {
  addCategory,
  addReason,
  mergeReason,
  moveCategory,
  moveReason,
  renameCategory,
  renameReason,
  reorderReason,
  setCategoryRetired,
  setReasonRetired,
} from './taxonomy-edits.ts';
import { readTaxonomy, reasonHistory } from './taxonomy-queries.ts';

/** Run an edit on the open workspace and answer with the taxonomy as it now is. */
function edit(s: CoreContext, change: (sqlite: Database.Database) => unknown) {
  const { sqlite } = s.require();
  change(sqlite);
  return readTaxonomy(sqlite);
}

export const reasonsHandlers: HandlersOf<typeof reasonsChannels, CoreContext> = {
  'reasons:taxonomy': (_arg, s) => readTaxonomy(s.require().sqlite),
  'reasons:history': (arg, s) => reasonHistory(s.require().sqlite, arg.limit),
  'reasons:addCategory': (arg, s) => edit(s, (db) => addCategory(db, arg.name)),
  'reasons:renameCategory': (arg, s) => edit(s, (db) => renameCategory(db, arg.id, arg.name)),
  'reasons:moveCategory': (arg, s) => edit(s, (db) => moveCategory(db, arg.id, arg.direction)),
  'reasons:retireCategory': (arg, s) => edit(s, (db) => setCategoryRetired(db, arg.id, true)),
  'reasons:restoreCategory': (arg, s) => edit(s, (db) => setCategoryRetired(db, arg.id, false)),
  'reasons:add': (arg, s) => edit(s, (db) => addReason(db, arg.categoryId, arg.name)),
  'reasons:rename': (arg, s) => edit(s, (db) => renameReason(db, arg.id, arg.name)),
  'reasons:reorder': (arg, s) => edit(s, (db) => reorderReason(db, arg.id, arg.direction)),
  'reasons:move': (arg, s) => edit(s, (db) => moveReason(db, arg.id, arg.categoryId)),
  'reasons:merge': (arg, s) => edit(s, (db) => mergeReason(db, arg.id, arg.intoId)),
  'reasons:retire': (arg, s) => edit(s, (db) => setReasonRetired(db, arg.id, true)),
  'reasons:restore': (arg, s) => edit(s, (db) => setReasonRetired(db, arg.id, false)),
};
