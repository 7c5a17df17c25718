// Bigger markets for benchmarks: more competitors and segments than the demo company has, derived
// from the catalog so they behave like it. With the default counts these return the catalog itself,
// so the demo (and every seeded fingerprint of it) is unchanged.
import { COMPETITORS, SEGMENTS } from './catalog.ts';
import type { CompetitorSpec, SegmentSpec } from './catalog.ts';

const NAME_WORDS = [
  'Kestrel',
  'Lumen',
  'Mosaic',
  'Nimbus',
  'Onyx',
  'Prism',
  'Quasar',
  'Redwood',
  'Sable',
  'Tern',
  'Umbra',
  'Vantage',
  'Willow',
  'Xylem',
  'Yonder',
  'Zephyr',
];
const NAME_TAILS = ['Data', 'Metrics', 'Insight', 'Labs'];

/** The catalog's competitors, then invented ones that copy a catalog competitor's presence and strength. */
export function scaledCompetitors(count: number = COMPETITORS.length): CompetitorSpec[] {
  if (count <= COMPETITORS.length) return COMPETITORS.slice(0, Math.max(0, count));
  const out = [...COMPETITORS];
  for (let k = COMPETITORS.length; k < count; k++) {
    const extra = k - COMPETITORS.length;
    const like = COMPETITORS[k % COMPETITORS.length]!;
    const round = Math.floor(extra / (NAME_WORDS.length * NAME_TAILS.length));
    const name =
      `${NAME_WORDS[extra % NAME_WORDS.length]} ${NAME_TAILS[Math.floor(extra / NAME_WORDS.length) % NAME_TAILS.length]}` +
      (round > 0 ? ` ${round + 1}` : '');
    out.push({ name, variants: [name.toUpperCase()], presence: like.presence, strength: like.strength });
  }
  return out;
}

/**
 * The catalog's segments, then copies of them ("SMB 2", "Mid-market 2" ...) that share the weight of
 * the segment they copy; `like` names the catalog segment whose products, competitors and teams apply.
 */
export function scaledSegments(count: number = SEGMENTS.length): SegmentSpec[] {
  if (count <= SEGMENTS.length) return SEGMENTS.slice(0, Math.max(1, count));
  const copies = SEGMENTS.map((_, i) => Math.floor((count - 1 - i) / SEGMENTS.length) + 1);
  const out: SegmentSpec[] = [];
  for (let k = 0; k < count; k++) {
    const i = k % SEGMENTS.length;
    const base = SEGMENTS[i]!;
    const copy = Math.floor(k / SEGMENTS.length);
    out.push({
      ...base,
      name: copy === 0 ? base.name : `${base.name} ${copy + 1}`,
      weight: base.weight / copies[i]!,
      like: copy === 0 ? undefined : base.name,
    });
  }
  return out;
}
