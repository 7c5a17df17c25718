// Benchmark helpers: timing with warm-up and medians, and the shared workspace the suites read.
// Figures are printed, never asserted: timings on a shared machine are noisy, so suites report
// ratios against a bare baseline measured in the same run.

export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  /** What we aim for, as text ("<= 300 ms"), and whether this run met it. */
  target?: string;
  met?: boolean;
  note?: string;
}

export interface BenchContext {
  /** Path of a workspace holding the generated demo data (deals as asked). */
  workspacePath: string;
  deals: number;
  seed: number;
  /** A scratch folder for suites that need their own files. */
  scratchDir: string;
}

export interface Suite {
  name: string;
  run(ctx: BenchContext): Promise<Figure[]> | Figure[];
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
export function timeMedian(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.suite,
    f.name,
    `${f.value >= 100 ? Math.round(f.value).toLocaleString('en-US') : f.value.toFixed(f.value >= 10 ? 1 : 2)} ${f.unit}`,
    f.target ?? '',
    f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    f.note ?? '',
  ]);
  const head = ['suite', 'measure', 'value', 'target', 'met', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
