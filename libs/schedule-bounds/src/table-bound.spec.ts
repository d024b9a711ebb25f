import { checkSchedule, ScheduleInputError, type ScheduleProblem } from '@maillage/schedule-model';
import { exactOptimum } from './exact-optimum';
import { lpUpperBound } from './lp-upper-bound';
import { tableUpperBound } from './table-bound';

function tablesProblem(count: number, rounds: number, seats: number, salt: number): ScheduleProblem {
  return {
    participants: Array.from({ length: count }, (_, i) => ({ id: `t${i}` })),
    rounds,
    format: { kind: 'tables', seats },
    weight: (a, b) => {
      const x = Math.sin((a * 131 + b * 17 + salt) * 12.9898) * 43758.5453;
      return Math.round((x - Math.floor(x)) ** 2 * 1e4) / 1e4;
    },
    seed: salt,
  };
}

describe('tableUpperBound and the exact tables optimum', () => {
  it('seat three people who all like each other: bound = optimum = the table', async () => {
    const problem: ScheduleProblem = {
      participants: ['a', 'b', 'c'].map((id) => ({ id })),
      rounds: 1,
      format: { kind: 'tables', seats: 3 },
      weight: () => 0.5,
      seed: 1,
    };
    const bound = await tableUpperBound(problem);
    expect(bound.status).toBe('optimal');
    expect(bound.value).toBeCloseTo(1.5, 6);
    const exact = await exactOptimum(problem);
    expect(exact.value).toBeCloseTo(1.5, 6);
  });

  it('know that two strangers at a table bring nothing: tighter than the pair LP', async () => {
    // Hub h likes a and b (0.9 each), a and b are indifferent (0): one round, tables of 3.
    // Pair LP: h meets a and b (1.8). Table LP: the table {h, a, b} is worth 1.8 too, so add a
    // fourth person d who likes only a: in one round a sits with h or d, not both at once
    // unless the table seats all four, which tables of 3 forbid.
    const ids = ['h', 'a', 'b', 'd'];
    const W: Record<string, number> = { 'h-a': 0.9, 'h-b': 0.9, 'a-d': 0.9 };
    const problem: ScheduleProblem = {
      participants: ids.map((id) => ({ id })),
      rounds: 1,
      format: { kind: 'tables', seats: 3 },
      weight: (x, y) => W[`${ids[x]}-${ids[y]}`] ?? W[`${ids[y]}-${ids[x]}`] ?? 0,
      seed: 1,
    };
    const pair = await lpUpperBound(problem);
    const bound = await tableUpperBound(problem);
    const exact = await exactOptimum(problem);
    expect(exact.value).toBeCloseTo(1.8, 6);
    expect(bound.value).toBeGreaterThanOrEqual(exact.value - 1e-6);
    expect(bound.value).toBeLessThan(pair.value - 0.1);
  });

  it.each([
    [9, 3, 3, 11],
    [8, 2, 4, 12],
    [8, 2, 5, 13],
  ])(
    'bound the exact optimum from above (%i participants, %i rounds, tables of %i)',
    async (count, rounds, seats, salt) => {
      const problem = tablesProblem(count, rounds, seats, salt);
      const [bound, pair, exact] = [
        await tableUpperBound(problem),
        await lpUpperBound(problem),
        await exactOptimum(problem),
      ];
      expect(exact.status).toBe('optimal');
      expect(exact.schedule && checkSchedule(problem, exact.schedule)).toEqual([]);
      expect(bound.value).toBeGreaterThanOrEqual(exact.value - 1e-6);
      expect(bound.value).toBeLessThanOrEqual(pair.value + 1e-6);
    },
  );

  it('honour must-not-meet, availability and the table cap in the exact optimum', async () => {
    const problem: ScheduleProblem = {
      ...tablesProblem(8, 2, 3, 21),
      mustNotMeet: [['t0', 't1']],
      tables: 2,
      participants: Array.from({ length: 8 }, (_, i) => ({
        id: `t${i}`,
        ...(i === 2 ? { availableRounds: [0] } : {}),
      })),
    };
    const exact = await exactOptimum(problem);
    expect(exact.status).toBe('optimal');
    expect(exact.schedule && checkSchedule(problem, exact.schedule)).toEqual([]);
    const bound = await tableUpperBound(problem);
    expect(bound.value).toBeGreaterThanOrEqual(exact.value - 1e-6);
  });

  it('refuse other formats', async () => {
    await expect(
      tableUpperBound({ ...tablesProblem(6, 2, 3, 1), format: { kind: 'one-to-one' } }),
    ).rejects.toBeInstanceOf(ScheduleInputError);
  });
});
