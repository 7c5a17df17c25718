// Reads and writes workspace settings (key -> JSON). Stored values are validated on the way out
// too: a value edited by hand into something invalid falls back to its default instead of
// breaking every screen.
import type Database from 'better-sqlite3';
import { DEFAULT_SETTINGS, settingsFields, settingsSchema } from '#shared/domain/settings.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { AppError } from '../errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export function readSettings(sqlite: Database.Database): Settings {
  const rows = sqlite.prepare('SELECT key, value_json AS value FROM settings').all() as {
    key: string;
    value: string;
  }[];
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsFields.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const { key, value } of rows) {
    const field = shape[key];
    if (!field) continue; // a key from a newer or older version: ignore
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    const checked = field.safeParse(parsed);
    if (checked.success) merged[key] = checked.data;
  }
  const whole = settingsSchema.safeParse(merged);
  return whole.success ? whole.data : DEFAULT_SETTINGS;
}

export function updateSettings(sqlite: Database.Database, patch: Partial<Settings>): Settings {
  const next = { ...readSettings(sqlite), ...patch };
  const checked = settingsSchema.safeParse(next);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('invalid_argument', issues.map((i) => i.message).join('; '), issues);
  }
  const upsert = sqlite.prepare(
    "INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now')) " +
      'ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
  );
  writeTransaction(sqlite, () => {
    for (const key of Object.keys(patch) as (keyof Settings)[]) upsert.run(key, JSON.stringify(checked.data[key]));
  });
  return checked.data;
}
