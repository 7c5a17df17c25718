import { describe, expect, it } from 'vitest';
import { aliasKey } from '#shared/domain/competitor-names.ts';

describe('aliasKey', () => {
  it('gives dirty spellings of one competitor the same key', () => {
    const keys = ['Acme', 'ACME Corp.', 'acme inc', 'Acme, Inc.', ' acme  LLC '].map(aliasKey);
    expect(new Set(keys)).toEqual(new Set(['acme']));
  });
  it('ignores spacing, dotted initials and accents', () => {
    expect(aliasKey('Fathom I.Q.')).toBe(aliasKey('FathomIQ'));
    expect(aliasKey('Data Forge')).toBe(aliasKey('DATAFORGE'));
    expect(aliasKey('Société Générale')).toBe('societegenerale');
  });
  it('drops legal forms only at the end', () => {
    expect(aliasKey('Co-Op Analytics')).toBe('coopanalytics');
    expect(aliasKey('Everstack GmbH')).toBe('everstack');
    expect(aliasKey('Inc')).toBe('inc');
  });
});
