// The archive's manifest is checked before anything is built, with messages that say what is wrong;
// the triggers paused while an archive loads are those whose body writes an archived table.
import { describe, expect, it } from 'vitest';
import { parseManifest } from '#core/archive/archive-manifest.ts';
import { triggerTargets } from '#core/archive/paused-triggers.ts';

const SHA = 'a'.repeat(64);
const valid = {
  format: 'winnow-workspace-archive',
  formatVersion: 1,
  appVersion: '0.1.0',
  createdAt: '2026-12-06T03:00:00.000Z',
  workspaceName: 'w.winnow',
  schema: { version: 12, migration: '0011_report_templates', hash: SHA },
  derived: ['retention_cells'],
  tables: [{ name: 'deals', columns: ['id', 'name'], rows: 3, sha256: SHA, csvSha256: SHA }],
};

describe('parseManifest', () => {
  it('accepts a manifest as export writes it', () => {
    expect(parseManifest(JSON.stringify(valid))).toEqual(valid);
  });

  it('names what is wrong', () => {
    expect(parseManifest('{')).toMatch(/^manifest\.json is not valid JSON/);
    expect(parseManifest(JSON.stringify({ ...valid, format: 'other' }))).toBe(
      'manifest.json does not describe a Winnow workspace archive',
    );
    const badRows = { ...valid, tables: [{ ...valid.tables[0], rows: -1 }] };
    expect(parseManifest(JSON.stringify(badRows))).toMatch(/^manifest\.json: tables\.0\.rows: /);
    expect(parseManifest(JSON.stringify({ ...valid, formatVersion: 2 }))).toBe(
      "the archive's format (2) is newer than this Winnow reads (1); update Winnow",
    );
  });
});

describe('triggerTargets', () => {
  it('lists the tables a trigger body writes, not the table it fires on', () => {
    const sql =
      'CREATE TRIGGER `deal_competitors_after_insert` AFTER INSERT ON `deal_competitors` BEGIN\n' +
      '  UPDATE `deal_competitors` SET x = 1 WHERE deal_id = NEW.deal_id;\n' +
      '  UPDATE `deals` SET `competitor_count` = `competitor_count` + 1 WHERE `id` = NEW.`deal_id`;\n' +
      'END';
    expect(triggerTargets(sql)).toEqual(['deal_competitors', 'deals']);
    const fts =
      'CREATE TRIGGER `quotes_fts_insert` AFTER INSERT ON `quotes` BEGIN\n' +
      '  INSERT INTO quote_fts (rowid, text) VALUES (new.id, new.text);\nEND';
    expect(triggerTargets(fts)).toEqual(['quote_fts']);
    expect(triggerTargets('CREATE TRIGGER t AFTER DELETE ON a BEGIN DELETE FROM "b" WHERE id = old.id; END')).toEqual([
      'b',
    ]);
  });
});
