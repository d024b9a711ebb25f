import { distribution, exposureOf, gini } from './exposure';

describe('fair-exposure distribution', () => {
  it('computes the Gini coefficient: 0 for equal shares, (n-1)/n when one gets everything', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75, 6);
    // Mean absolute difference / (2 × mean): pairs |1-3| over 4 values of mean 2.
    expect(gini([1, 1, 3, 3])).toBeCloseTo(0.25, 6);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });

  it('reports min, p10 (nearest rank), median, max and mean', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(distribution(values)).toEqual({
      min: 1,
      p10: 2,
      median: 10.5,
      max: 20,
      mean: 10.5,
      gini: gini(values),
    });
    expect(distribution([5])).toMatchObject({ min: 5, p10: 5, median: 5, max: 5, gini: 0 });
  });

  it('summarises a schedule per participant, breaks counting as zero', () => {
    const summary = exposureOf({
      perParticipant: [
        { id: 'a', meetings: 2, score: 1.2 },
        { id: 'b', meetings: 2, score: 0.8 },
        { id: 'c', meetings: 0, score: 0 },
      ],
    });
    expect(summary.participants).toBe(3);
    expect(summary.score).toMatchObject({ min: 0, median: 0.8, max: 1.2 });
    expect(summary.meetings).toMatchObject({ min: 0, median: 2, max: 2 });
  });
});
