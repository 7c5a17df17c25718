// Near matches between names (competitors, products): what the importer proposes for a name it
// does not know, and why. It only proposes; the user confirms. Names are compared on their alias
// keys (competitor-names.ts), so case, punctuation and legal forms never count as differences.
import { aliasKey } from './competitor-names.ts';

export interface NameCandidate {
  name: string;
  key: string;
}

export interface NearMatch {
  name: string;
  why: string;
  /** Lower is closer. */
  distance: number;
}

/**
 * Edit distance where swapping two neighbouring letters counts once ("Brigthline" is one typo
 * away from "Brightline"), giving up (returning max + 1) once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, before[j - 2]! + 1);
      }
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Typos that may separate two names still proposed as the same: one in a name of five letters or
 * more, two in a long name that starts the same way. ("Interior Accessories" and "Exterior
 * Accessories" differ in their first letters: different products, not a typo.)
 */
function allowedEdits(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  if (length < 5) return 0;
  if (length >= 12 && a.slice(0, 2) === b.slice(0, 2)) return 2;
  return 1;
}

/** Why `key` may be the same as `other`, or null when it is not close. */
export function nearReason(key: string, other: string): { why: string; distance: number } | null {
  if (key.length === 0 || other.length === 0) return null;
  if (key === other) {
    return { why: 'same name apart from case, spaces, punctuation or a legal form (Inc, Ltd, Corp)', distance: 0 };
  }
  const shorter = key.length <= other.length ? key : other;
  const longer = shorter === key ? other : key;
  if (shorter.length >= 4 && longer.startsWith(shorter)) {
    return { why: 'one name is the start of the other', distance: 1 + (longer.length - shorter.length) / 100 };
  }
  const max = allowedEdits(key, other);
  if (max > 0) {
    const d = editDistance(key, other, max);
    if (d <= max) return { why: d === 1 ? 'differs by one letter' : `differs by ${d} letters`, distance: 1 + d };
  }
  return null;
}

/** The closest candidates for a name, best first (at most `limit`). */
export function nearMatches(name: string, candidates: readonly NameCandidate[], limit = 3): NearMatch[] {
  const key = aliasKey(name);
  const found: NearMatch[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.name)) continue;
    const r = nearReason(key, c.key);
    if (r) {
      seen.add(c.name);
      found.push({ name: c.name, why: r.why, distance: r.distance });
    }
  }
  found.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return found.slice(0, limit);
}
