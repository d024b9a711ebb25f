import { checkSchedule, type ScheduleProblem } from '@maillage/schedule-model';
import { fairnessUpperBound } from '@maillage/schedule-bounds';
import { greedySchedule } from '../greedy-schedule';
import { optimiseSchedule } from '../optimise-schedule';
import { optimiseFairSchedule } from './fair-schedule';
import { rescoreSchedule } from './rescore';

const minScore = (r: { perParticipant: { score: number }[] }) =>
  Math.min(...r.perParticipant.map((p) => p.score));

/** a-b is the best pair, but taking it leaves c and d with a poor meeting; a-c + b-d is fairer. */
const ids = ['a', 'b', 'c', 'd'];
const W: Record<string, number> = {
  'a-b': 0.9,
  'c-d': 0.1,
  'a-c': 0.5,
  'b-d': 0.45,
  'a-d': 0.05,
  'b-c': 0.05,
};
const poor: ScheduleProblem = {
  participants: ids.map((id) => ({ id })),
  rounds: 1,
  format: { kind: 'one-to-one' },
  weight: (a, b) => W[`${ids[a]}-${ids[b]}`] ?? W[`${ids[b]}-${ids[a]}`],
  seed: 1,
};

function randomProblem(count: number, rounds: number, salt: number): ScheduleProblem {
  return {
    participants: Array.from({ length: count }, (_, i) => ({ id: `p${i}` })),
    rounds,
    format: { kind: 'one-to-one' },
    // Skewed weights: a few participants are attractive, some are far from everyone.
    weight: (a, b) => {
      const x = Math.sin((a * 131 + b * 17 + salt) * 12.9898) * 43758.5453;
      const appeal = ((a * 7 + salt) % 5) * ((b * 7 + salt) % 5);
      return Math.round(Math.min(1, (x - Math.floor(x)) ** 2 * (0.2 + appeal / 16)) * 1e4) / 1e4;
    },
    seed: salt,
  };
}

describe('fairness objective (max-min first, then the sum)', () => {
  it('lifts the worst-off participant where the sum objective leaves someone poor, at a known cost', async () => {
    const sum = await optimiseSchedule(poor);
    const greedy = greedySchedule(poor);
    expect(sum.totalScore).toBeCloseTo(1.0, 6);
    expect(minScore(sum)).toBeCloseTo(0.1, 6);
    expect(minScore(greedy)).toBeCloseTo(0.1, 6);
    const fair = await optimiseFairSchedule(poor);
    expect(minScore(fair)).toBeCloseTo(0.45, 6);
    expect(fair.totalScore).toBeCloseTo(0.95, 6);
    expect(checkSchedule(poor, fair)).toEqual([]);
  });

  it('never gives a lower minimum than the sum plan, and every plan passes the checker', async () => {
    for (const salt of [1, 2, 3, 4]) {
      const problem = randomProblem(24, 4, salt);
      const sum = await optimiseSchedule(problem);
      const fair = await optimiseFairSchedule(problem);
      expect(checkSchedule(problem, fair)).toEqual([]);
      expect(minScore(fair)).toBeGreaterThanOrEqual(minScore(sum) - 1e-9);
      expect(fair.totalScore).toBeLessThanOrEqual(sum.totalScore + 1e-6);
    }
  });

  it('improves the minimum on skewed instances, within the max-min LP bound', async () => {
    let improved = 0;
    for (const salt of [1, 2, 3, 4]) {
      const problem = randomProblem(24, 4, salt);
      const sum = await optimiseSchedule(problem);
      const fair = await optimiseFairSchedule(problem);
      if (minScore(fair) > minScore(sum) + 1e-6) improved++;
      const bound = await fairnessUpperBound(problem, { floor: minScore(fair) });
      expect(bound.maxMinStatus).toBe('optimal');
      expect(minScore(fair)).toBeLessThanOrEqual(bound.maxMin + 1e-6);
      expect(fair.totalScore).toBeLessThanOrEqual(bound.sumAtFloor + 1e-6);
    }
    expect(improved).toBeGreaterThanOrEqual(2);
  });

  it('keeps the same plan when rescored with its own weights', async () => {
    const problem = randomProblem(12, 3, 9);
    const result = await optimiseSchedule(problem);
    const again = rescoreSchedule(problem, result);
    expect(again.totalScore).toBeCloseTo(result.totalScore, 6);
    expect(again.rounds).toEqual(result.rounds);
  });
});

describe('fairnessUpperBound', () => {
  it('solves the hand-checked instance: max-min 0.45, best total at that floor 0.95', async () => {
    const bound = await fairnessUpperBound(poor);
    expect(bound.maxMin).toBeCloseTo(0.45, 6);
    expect(bound.sumAtFloor).toBeCloseTo(0.95, 6);
    expect(bound.eligible).toBe(4);
    // At a floor of 0, the sum bound is the plain LP bound.
    expect((await fairnessUpperBound(poor, { floor: 0 })).sumAtFloor).toBeCloseTo(1.0, 6);
  });
});
