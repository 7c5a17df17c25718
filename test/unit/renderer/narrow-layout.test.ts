// Pure parts of the narrow-window and keyboard work: the tab strip's keys, legible chart axes,
// and the one date format.
import { describe, expect, it } from 'vitest';
import { isoDateProblem } from '#shared/domain/dates.ts';
import { SIDE_LABEL_WIDTH, withLegibleAxes } from '../../../renderer/src/charts/base.ts';
import { tabKeyTarget } from '../../../renderer/src/components/tab-keys.ts';

describe('tab strip keys', () => {
  it('move right and left with wrap-around, Home and End to the ends, and ignore other keys', () => {
    expect(tabKeyTarget('ArrowRight', 0, 3)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 2, 3)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 3)).toBe(2);
    expect(tabKeyTarget('ArrowLeft', 2, 3)).toBe(1);
    expect(tabKeyTarget('Home', 2, 3)).toBe(0);
    expect(tabKeyTarget('End', 0, 3)).toBe(2);
    expect(tabKeyTarget('Enter', 1, 3)).toBeNull();
    expect(tabKeyTarget('a', 1, 3)).toBeNull();
  });
});

describe('legible chart axes', () => {
  it('cuts long side-axis names, shows every label of a short bottom axis, keeps what a builder set', () => {
    const option = withLegibleAxes({
      xAxis: { type: 'category', data: ['Open', 'Won', 'Lost', 'No decision'] },
      yAxis: [
        { type: 'category', data: ['A very long competitor name'] },
        { type: 'category', data: ['x'], axisLabel: { width: 120 } },
        { type: 'value' },
      ],
    });
    expect(option.xAxis).toEqual({
      type: 'category',
      data: ['Open', 'Won', 'Lost', 'No decision'],
      axisLabel: { interval: 0, hideOverlap: false },
    });
    expect(option.yAxis).toEqual([
      {
        type: 'category',
        data: ['A very long competitor name'],
        axisLabel: { width: SIDE_LABEL_WIDTH, overflow: 'truncate' },
      },
      { type: 'category', data: ['x'], axisLabel: { width: 120, overflow: 'truncate' } },
      { type: 'value' },
    ]);
  });

  it('leaves a long bottom axis (13 periods) to ECharts’ own spacing', () => {
    const data = Array.from({ length: 13 }, (_, i) => `P${i}`);
    expect(withLegibleAxes({ xAxis: { type: 'category', data } }).xAxis).toEqual({
      type: 'category',
      data,
      axisLabel: {},
    });
  });
});

describe('ISO dates', () => {
  it('accepts real days written yyyy-mm-dd and says what is wrong with anything else', () => {
    expect(isoDateProblem('2026-03-31')).toBeNull();
    expect(isoDateProblem('2024-02-29')).toBeNull();
    expect(isoDateProblem('2025-02-29')).toBe('2025-02-29 is not a day of the calendar.');
    expect(isoDateProblem('03/31/2026')).toBe('Write the date as yyyy-mm-dd, for example 2026-03-31.');
    expect(isoDateProblem('2026-3-31')).toBe('Write the date as yyyy-mm-dd, for example 2026-03-31.');
  });
});
