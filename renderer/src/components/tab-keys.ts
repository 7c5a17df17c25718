// The tab strip's keys (WAI-ARIA tabs pattern), apart from the component so it is tested alone.

/** Which tab a key moves to from index i of n (wrapping round), or null when the key is not a tab-strip key. */
export function tabKeyTarget(key: string, i: number, n: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return (i + 1) % n;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (i - 1 + n) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}
