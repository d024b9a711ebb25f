import { checkSchedule, ScheduleInputError, type ScheduleProblem } from '@maillage/schedule-model';
import { exactOptimum } from './exact-optimum';
import { lpUpperBound } from './lp-upper-bound';

const ids = ['a', 'b', 'c', 'd'];
const W: Record<string, number> = { 'a-b': 0.9, 'c-d': 0.9, 'a-c': 0.95, 'b-d': 0.1, 'a-d': 0.1, 'b-c': 0.1 };
const tiny: ScheduleProblem = {
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
    weight: (a, b) => {
      const x = Math.sin((a * 131 + b * 17 + salt) * 12.9898) * 43758.5453;
      return Math.round((x - Math.floor(x)) ** 3 * 1e4) / 1e4;
    },
    seed: salt,
  };
}

describe('lpUpperBound and exactOptimum', () => {
  it('solve the hand-checked instance: one round, best pairing a+b, c+d = 1.8', async () => {
    const bound = await lpUpperBound(tiny);
    expect(bound.status).toBe('optimal');
    expect(bound.coversAllPairs).toBe(true);
    expect(bound.value).toBeCloseTo(1.8, 6);
    const exact = await exactOptimum(tiny);
    expect(exact.status).toBe('optimal');
    expect(exact.value).toBeCloseTo(1.8, 6);
    expect(exact.schedule && checkSchedule(tiny, exact.schedule)).toEqual([]);
  });

  it('make the bound tighter with a table cap and include locked meetings', async () => {
    const capped = await lpUpperBound({ ...tiny, tables: 1 });
    expect(capped.value).toBeCloseTo(0.95, 6);
    const locked = await lpUpperBound({ ...tiny, locked: [{ round: 0, participantIds: ['b', 'd'] }] });
    // b+d is fixed (0.1); a and c are left to meet (0.95).
    expect(locked.value).toBeCloseTo(1.05, 6);
  });

  it('count must-meets and minimum meetings as requirements, and fall back when they conflict', async () => {
    // a must meet d (0.1): the best plan is then a+d, b+c = 0.2 in the single round.
    const forced = await lpUpperBound({ ...tiny, mustMeet: [['a', 'd']] });
    expect(forced.status).toBe('optimal');
    expect(forced.value).toBeCloseTo(0.2, 6);
    expect(forced.relaxation).toContain('must-meets once');
    const exact = await exactOptimum({ ...tiny, mustMeet: [['a', 'd']] });
    expect(exact.value).toBeCloseTo(0.2, 6);
    // a must meet b and c in one round: no valid plan, the bound ignores the requirements.
    const conflicting = await lpUpperBound({
      ...tiny,
      mustMeet: [
        ['a', 'b'],
        ['a', 'c'],
      ],
    });
    expect(conflicting.status).toBe('optimal');
    expect(conflicting.relaxation).not.toContain('must-meets once');
    expect(conflicting.value).toBeCloseTo(1.8, 6);
  });

  it('refuse the exact ILP on formats or sizes it does not model', async () => {
    await expect(
      exactOptimum({ ...tiny, format: { kind: 'one-to-one', oddOneOut: 'trio' } }),
    ).rejects.toBeInstanceOf(ScheduleInputError);
    await expect(
      exactOptimum({ ...randomProblem(17, 2, 1), format: { kind: 'tables', seats: 3 } }),
    ).rejects.toBeInstanceOf(ScheduleInputError);
    await expect(exactOptimum(randomProblem(41, 2, 1))).rejects.toBeInstanceOf(ScheduleInputError);
  });
});
