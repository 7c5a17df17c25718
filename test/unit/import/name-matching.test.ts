import { describe, expect, it } from 'vitest';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import { editDistance, nearMatches } from '#shared/domain/name-matching.ts';

const candidates = ['Acme Analytics', 'Brightline', 'Cobalt Systems', 'GTX Pro', 'Zed'].map((name) => ({
  name,
  key: aliasKey(name),
}));

describe('near matches', () => {
  it('counts edits and gives up past the limit', () => {
    expect(editDistance('brightline', 'brigthline', 2)).toBe(1);
    expect(editDistance('interioraccessories', 'exterioraccessories', 3)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyz123', 1)).toBe(2);
  });
  it('proposes names equal apart from case, punctuation and legal form, then prefixes, then typos', () => {
    expect(nearMatches('GTXPro', candidates)).toEqual([
      {
        name: 'GTX Pro',
        why: 'same name apart from case, spaces, punctuation or a legal form (Inc, Ltd, Corp)',
        distance: 0,
      },
    ]);
    expect(nearMatches('Cobalt', candidates)[0]).toMatchObject({
      name: 'Cobalt Systems',
      why: 'one name is the start of the other',
    });
    expect(nearMatches('Brigthline', candidates)[0]).toMatchObject({
      name: 'Brightline',
      why: 'differs by one letter',
    });
    expect(nearMatches('Cobalt Sytsems Ltd', candidates)[0]).toMatchObject({
      name: 'Cobalt Systems',
      why: 'differs by one letter',
    });
    expect(nearMatches('Acme Analytcs', candidates)[0]).toMatchObject({
      name: 'Acme Analytics',
      why: 'differs by one letter',
    });
  });
  it('proposes nothing for short, unrelated or merely similar names', () => {
    expect(nearMatches('Zee', candidates)).toEqual([]);
    const products = ['Exterior Accessories'].map((name) => ({ name, key: aliasKey(name) }));
    expect(nearMatches('Interior Accessories', products)).toEqual([]);
    expect(nearMatches('Northwind', candidates)).toEqual([]);
  });
});
