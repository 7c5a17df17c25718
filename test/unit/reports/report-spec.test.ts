// Relative periods become dates when a report is made; the builder's section edits; the report
// spec's schema; the SVG clean-up that keeps the preview inside the page's CSP.
import { describe, expect, it } from 'vitest';
import { reportSpecSchema } from '#shared/contract/reports.ts';
import { resolvePeriod } from '#shared/domain/reports.ts';
import { cleanSvg } from '#core/reports/report-charts.ts';
import { esc } from '#core/reports/html.ts';
import {
  addSection,
  defaultSpec,
  moveSection,
  removeSection,
} from '../../../renderer/src/reports/report-builder-model.ts';

describe('resolvePeriod', () => {
  const on = (preset: Parameters<typeof resolvePeriod>[0] & { kind: 'relative' }, today: string) =>
    resolvePeriod(preset, today);
  it('turns relative periods into calendar dates on the day the report is made', () => {
    expect(on({ kind: 'relative', preset: 'lastQuarter' }, '2026-05-10')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(on({ kind: 'relative', preset: 'lastQuarter' }, '2026-02-01')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(on({ kind: 'relative', preset: 'lastMonth' }, '2026-03-15')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(on({ kind: 'relative', preset: 'lastMonth' }, '2026-01-03')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(on({ kind: 'relative', preset: 'yearToDate' }, '2026-05-10')).toEqual({
      from: '2026-01-01',
      to: '2026-05-10',
    });
    expect(on({ kind: 'relative', preset: 'lastYear' }, '2026-05-10')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(on({ kind: 'relative', preset: 'last12Months' }, '2026-05-10')).toEqual({
      from: '2025-05-11',
      to: '2026-05-10',
    });
    expect(
      resolvePeriod({ kind: 'relative', preset: 'allTime' }, '2026-05-10', { first: '2022-01-03', last: '2026-04-30' }),
    ).toEqual({
      from: '2022-01-03',
      to: '2026-04-30',
    });
    expect(resolvePeriod({ kind: 'absolute', from: '2025-01-01', to: '2025-03-31' }, '2026-05-10')).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
    });
  });
});

describe('the builder model and the spec schema', () => {
  it('adds, moves and removes sections with ids unique in the spec', () => {
    let s = defaultSpec();
    s = addSection(s, 'notes');
    expect(s.sections.map((x) => x.kind)).toEqual(['summary', 'matrix', 'reasons', 'notes']);
    s = moveSection(s, s.sections[3]!.id, -1);
    expect(s.sections.map((x) => x.kind)).toEqual(['summary', 'matrix', 'notes', 'reasons']);
    expect(moveSection(s, s.sections[0]!.id, -1)).toBe(s);
    s = removeSection(s, s.sections[1]!.id);
    s = addSection(s, 'quotes');
    expect(new Set(s.sections.map((x) => x.id)).size).toBe(s.sections.length);
    expect(reportSpecSchema.safeParse(s).success).toBe(true);
  });

  it('refuses a spec without sections, a period that ends before it starts, or an unknown dimension', () => {
    const s = defaultSpec();
    expect(reportSpecSchema.safeParse({ ...s, sections: [] }).success).toBe(false);
    expect(
      reportSpecSchema.safeParse({ ...s, period: { kind: 'absolute', from: '2026-02-01', to: '2026-01-01' } }).success,
    ).toBe(false);
    expect(
      reportSpecSchema.safeParse({ ...s, filters: [{ dim: 'name; DROP TABLE deals', values: ['x'] }] }).success,
    ).toBe(false);
  });
});

describe('report HTML safety', () => {
  it('escapes user text and makes chart SVG free of style attributes and style blocks', () => {
    expect(esc('<img src=x onerror="a">&\'')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
    const svg = cleanSvg(
      '<svg width="1"><style>.zr3-cls-0:hover{fill:red}</style><text style="font-size:12px;font-family:Inter;" stroke="#fff" paint-order="stroke" class="zr3-cls-0">A</text></svg>',
      2,
    );
    expect(svg).toBe(
      '<svg role="img" width="1"><text font-size="12px" font-family="Inter" class="c2-cls-0">A</text></svg>',
    );
  });
});

describe('criteria and plan sections in a spec', () => {
  it('adds a plan section on the saved plan it is given and a criteria section over every mature MQL', () => {
    const spec = addSection(addSection(defaultSpec(), 'plan', 'Q3 stretch'), 'criteria');
    expect(spec.sections.slice(-2)).toEqual([
      { id: 's4', kind: 'plan', orientation: 'portrait', plan: 'Q3 stretch' },
      { id: 's5', kind: 'criteria', orientation: 'landscape', mqls: 'all' },
    ]);
  });

  it('fills the criteria scope by default and refuses a plan section without a plan name', () => {
    const base = { title: 'T', period: { kind: 'relative', preset: 'lastQuarter' } };
    const ok = reportSpecSchema.parse({ ...base, sections: [{ id: 'c', kind: 'criteria' }] });
    expect(ok.sections[0]).toEqual({ id: 'c', kind: 'criteria', orientation: 'portrait', mqls: 'all' });
    const r = reportSpecSchema.safeParse({ ...base, sections: [{ id: 'p', kind: 'plan', plan: ' ' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Choose a saved plan for the plan section');
    expect(
      reportSpecSchema.safeParse({ ...base, sections: [{ id: 'p', kind: 'plan', plan: 'x'.repeat(121) }] }).success,
    ).toBe(false);
  });
});
