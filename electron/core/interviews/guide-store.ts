// Interview guides: editable templates of questions in sections. Answers are stored by question
// key, so renaming a question keeps its answers; a question removed from a guide keeps its old
// answers on the interviews that have them.
import type Database from 'better-sqlite3';
import type { GuideSection } from '#shared/domain/defaults.ts';
import type { Guide } from '#shared/domain/interviews.ts';
import { cleanLine } from '#shared/text/clean-text.ts';
import { AppError } from '../errors.ts';
import { listGuides } from './interview-lookups.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export interface GuideInput {
  id: number | null;
  name: string;
  defaultFor: Guide['defaultFor'];
  sections: GuideSection[];
}

export function saveGuide(sqlite: Database.Database, input: GuideInput): Guide {
  const name = cleanLine(input.name);
  const sections = input.sections.map((s) => ({
    title: cleanLine(s.title),
    questions: s.questions.map((q) => ({ key: q.key, text: cleanLine(q.text) })),
  }));
  const id = writeTransaction(sqlite, () => {
    const clash = sqlite.prepare('SELECT id FROM interview_guides WHERE name = ? COLLATE NOCASE').get(name) as
      { id: number } | undefined;
    if (clash && clash.id !== input.id)
      throw new AppError('conflict', `A guide named "${name}" already exists.`, [
        { path: 'name', message: 'That name is taken' },
      ]);
    // One default guide per outcome: the new default replaces the old one.
    if (input.defaultFor)
      sqlite
        .prepare('UPDATE interview_guides SET default_for = NULL WHERE default_for = ? AND id IS NOT ?')
        .run(input.defaultFor, input.id);
    const json = JSON.stringify(sections);
    if (input.id === null) {
      return Number(
        sqlite
          .prepare('INSERT INTO interview_guides (name, default_for, sections_json) VALUES (?, ?, ?)')
          .run(name, input.defaultFor, json).lastInsertRowid,
      );
    }
    const changed = sqlite
      .prepare(
        "UPDATE interview_guides SET name = ?, default_for = ?, sections_json = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?",
      )
      .run(name, input.defaultFor, json, input.id).changes;
    if (changed === 0) throw new AppError('not_found', `Guide ${input.id} does not exist.`);
    return input.id;
  });
  return listGuides(sqlite).find((g) => g.id === id)!;
}

export function deleteGuide(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM interview_guides WHERE id = ?').run(id).changes > 0;
}
