// What a spreadsheet's interview cells become: ratings 1 to 5 (anything else is a problem, never
// rounded), drivers written beside a reason, Winnow's competitor-rating lists and guide answers.
import { describe, expect, it } from 'vitest';
import { parseAnswers, parseCompetitorRating, parseRating, splitDriver } from '#core/import/kinds/interview-rows.ts';

describe('ratings', () => {
  it('reads whole numbers 1 to 5 as spreadsheets write them', () => {
    expect(['1', ' 5 ', '4.0', '3/5', '4 / 5', '2 out of 5', '5 of 5', '3,0'].map(parseRating)).toEqual([
      { rating: 1 },
      { rating: 5 },
      { rating: 4 },
      { rating: 3 },
      { rating: 4 },
      { rating: 2 },
      { rating: 5 },
      { rating: 3 },
    ]);
  });
  it('takes blanks and n/a as not rated', () => {
    expect(['', 'n/a', 'N/A', 'NA', '-', 'none', "Don't know"].map(parseRating)).toEqual(
      Array(7).fill({ rating: null }),
    );
  });
  it('refuses what is not a rating from 1 to 5, saying why', () => {
    expect(parseRating('6')).toEqual({ problem: 'outside 1 to 5: ratings are 1, 2, 3, 4 or 5' });
    expect(parseRating('0')).toEqual({ problem: 'outside 1 to 5: ratings are 1, 2, 3, 4 or 5' });
    expect(parseRating('-1')).toEqual({ problem: 'outside 1 to 5: ratings are 1, 2, 3, 4 or 5' });
    expect(parseRating('3.5')).toEqual({ problem: 'not a whole number: ratings are 1, 2, 3, 4 or 5' });
    expect(parseRating('4/10')).toEqual({ problem: 'not a rating: use a whole number from 1 to 5' });
    expect(parseRating('good')).toEqual({ problem: 'not a rating: use a whole number from 1 to 5' });
  });
});

describe('reasons with their driver', () => {
  it('takes a driver in brackets at the end, and leaves other brackets in the name', () => {
    expect(splitDriver('Price (loss)')).toEqual({ name: 'Price', driver: 'loss' });
    expect(splitDriver(' Support quality (Win driver) ')).toEqual({ name: 'Support quality', driver: 'win' });
    expect(splitDriver('Pricing (too high)')).toEqual({ name: 'Pricing (too high)', driver: null });
    expect(splitDriver('Timing')).toEqual({ name: 'Timing', driver: null });
  });
});

describe("Winnow's competitor ratings", () => {
  it('reads "Competitor criterion=rating", competitor names with spaces included', () => {
    expect(parseCompetitorRating('Acme Analytics product_fit=4')).toEqual({
      competitor: 'Acme Analytics',
      criterion: 'product_fit',
      rating: 4,
    });
    expect(parseCompetitorRating('Acme support=9')).toEqual({
      problem: 'Acme support: outside 1 to 5: ratings are 1, 2, 3, 4 or 5',
    });
    expect(parseCompetitorRating('Acme speed=3')).toEqual({
      problem:
        '"speed" is not a rating criterion (product_fit, price_value, sales_experience, implementation, vendor_trust, integrations, support)',
    });
    expect(parseCompetitorRating('Acme is great')).toEqual({
      problem: '"Acme is great" is not "Competitor criterion=rating" (such as "Acme product_fit=4")',
    });
  });
});

describe('guide answers', () => {
  it('keeps question keys and text, drops blank answers and control characters', () => {
    expect(parseAnswers('{"our_gap":"Slow\\u0001 dashboards","other":"  "}')).toEqual({ our_gap: 'Slow dashboards' });
    expect(parseAnswers('[1]')).toEqual({
      problem: 'not the guide answers Winnow exports (a JSON object of question keys and answers)',
    });
    expect(parseAnswers('{"Bad Key":"x"}')).toEqual({ problem: '"Bad Key" is not a question key' });
    expect(parseAnswers('{"a":1}')).toEqual({ problem: 'the answer to "a" is not text' });
  });
});
