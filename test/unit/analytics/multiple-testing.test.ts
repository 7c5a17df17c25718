import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, fcrZ, twoProportionP } from '#shared/analytics/multiple-testing.ts';
import { normalCdf, normalQuantile } from '#shared/analytics/normal.ts';

describe('normal distribution', () => {
  it('gives the familiar points', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-2.5758)).toBeCloseTo(0.005, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('twoProportionP (pooled z-test, two-sided)', () => {
  it('56/70 against 48/80: pooled 104/150, z = 2.650, p = 0.00805', () => {
    expect(twoProportionP(56, 70, 48, 80)).toBeCloseTo(0.008045, 5);
  });
  it('is 1 when neither group has a success, null when a group is empty', () => {
    expect(twoProportionP(0, 10, 0, 20)).toBe(1);
    expect(twoProportionP(3, 10, 0, 0)).toBeNull();
  });
});

describe('benjaminiHochberg', () => {
  // Benjamini & Hochberg (1995), JRSS B 57:289-300, section 4: the 15 p-values of the myocardial
  // infarction study. At q = 0.05 the procedure rejects the first four; the adjusted values below
  // are (m / j) p(j) with the running minimum from the top, worked by hand (R's p.adjust agrees).
  const ps = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
  ];
  const expected = [
    0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645, 0.0765, 0.486, 0.5811818, 0.714875,
    0.7532308, 0.8132143, 1,
  ];
  it('adjusts the published example', () => {
    const q = benjaminiHochberg(ps);
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect(q.filter((v) => v! <= 0.05)).toHaveLength(4);
  });
  it('keeps the input order and leaves untested entries out of m', () => {
    const q = benjaminiHochberg([0.04, null, 0.01, 0.03]);
    // m = 3: sorted 0.01, 0.03, 0.04 -> 0.03, 0.045, 0.04 -> running minimum 0.03, 0.04, 0.04.
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeNull();
    expect(q[2]).toBeCloseTo(0.03, 12);
    expect(q[3]).toBeCloseTo(0.04, 12);
  });
});

describe('fcrZ (false-coverage-adjusted level)', () => {
  it('one of seven selected: level 1 - 0.05/7, z = 2.690', () => {
    expect(fcrZ(1, 7)).toBeCloseTo(2.69011, 5);
    expect(fcrZ(0, 7)).toBeCloseTo(2.69011, 5);
    expect(fcrZ(2, 7)).toBeCloseTo(2.449998, 5);
    expect(fcrZ(7, 7)).toBeCloseTo(1.959964, 5);
  });
});
