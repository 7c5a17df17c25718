// Puts the default taxonomy, criteria, checklist, guides and themes into a new workspace.
// Idempotent (INSERT OR IGNORE on unique names), so running it on an existing workspace only
// fills what is missing and never overwrites a user's edits.
import type Database from 'better-sqlite3';
import {
  DEFAULT_GUIDES,
  DEFAULT_QUALIFICATION_CRITERIA,
  DEFAULT_RATING_CRITERIA,
  DEFAULT_TAXONOMY,
  DEFAULT_THEMES,
} from '#shared/domain/defaults.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export function seedDefaults(sqlite: Database.Database): void {
  const now = new Date().toISOString();
  writeTransaction(sqlite, () => {
    const hasTaxonomy = (sqlite.prepare('SELECT count(*) AS n FROM reason_categories').get() as { n: number }).n > 0;
    if (!hasTaxonomy) {
      const cat = sqlite.prepare('INSERT INTO reason_categories (name, sort) VALUES (?, ?)');
      const reason = sqlite.prepare('INSERT INTO reasons (category_id, name, sort) VALUES (?, ?, ?)');
      const log = sqlite.prepare(
        "INSERT INTO reason_changes (at, action, reason_id, category_id, detail_json) VALUES (?, 'add', ?, ?, ?)",
      );
      DEFAULT_TAXONOMY.forEach((c, ci) => {
        const categoryId = Number(cat.run(c.name, ci).lastInsertRowid);
        c.reasons.forEach((r, ri) => {
          const reasonId = Number(reason.run(categoryId, r, ri).lastInsertRowid);
          log.run(now, reasonId, categoryId, JSON.stringify({ name: r, source: 'default taxonomy' }));
        });
      });
    }
    const crit = sqlite.prepare('INSERT OR IGNORE INTO rating_criteria (key, label, sort) VALUES (?, ?, ?)');
    DEFAULT_RATING_CRITERIA.forEach((c, i) => crit.run(c.key, c.label, i));
    const qual = sqlite.prepare(
      'INSERT OR IGNORE INTO qualification_criteria (key, label, kind, sort) VALUES (?, ?, ?, ?)',
    );
    DEFAULT_QUALIFICATION_CRITERIA.forEach((c, i) => qual.run(c.key, c.label, c.kind, i));
    const guide = sqlite.prepare(
      'INSERT OR IGNORE INTO interview_guides (name, default_for, sections_json) VALUES (?, ?, ?)',
    );
    for (const g of DEFAULT_GUIDES) guide.run(g.name, g.defaultFor, JSON.stringify(g.sections));
    const theme = sqlite.prepare('INSERT OR IGNORE INTO themes (name) VALUES (?)');
    for (const t of DEFAULT_THEMES) theme.run(t);
  });
}
