// Plans saved by name (plans): the planner's inputs as JSON. A stored plan is validated again when
// read, so one written by an older version that no longer parses is skipped, not fatal.
import type Database from 'better-sqlite3';
import type { PlanInputs, SavedPlan } from '#shared/domain/plans.ts';
import { planInputsSchema } from '#shared/domain/plans.ts';
import { writeTransaction } from '../db/write-transaction.ts';

interface Row {
  id: number;
  name: string;
  inputs_json: string;
  updated_at: string;
}

const COLUMNS = 'id, name, inputs_json, updated_at';

function toPlan(r: Row): SavedPlan | null {
  try {
    const inputs = planInputsSchema.safeParse(JSON.parse(r.inputs_json));
    return inputs.success ? { id: r.id, name: r.name, inputs: inputs.data, updatedAt: r.updated_at } : null;
  } catch {
    return null;
  }
}

export function listPlans(sqlite: Database.Database): SavedPlan[] {
  const rows = sqlite.prepare(`SELECT ${COLUMNS} FROM plans ORDER BY name COLLATE NOCASE`).all() as Row[];
  return rows.map(toPlan).filter((p): p is SavedPlan => p !== null);
}

/** Saves under `name`, replacing a plan of that name (re-saving after a what-if is the usual case). */
export function savePlan(sqlite: Database.Database, name: string, inputs: PlanInputs): SavedPlan {
  return writeTransaction(sqlite, () => {
    sqlite
      .prepare(
        `INSERT INTO plans (name, inputs_json) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET inputs_json = excluded.inputs_json,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      )
      .run(name, JSON.stringify(inputs));
    return toPlan(sqlite.prepare(`SELECT ${COLUMNS} FROM plans WHERE name = ?`).get(name) as Row)!;
  });
}

export function deletePlan(sqlite: Database.Database, id: number): boolean {
  return writeTransaction(sqlite, () => sqlite.prepare('DELETE FROM plans WHERE id = ?').run(id).changes > 0);
}
