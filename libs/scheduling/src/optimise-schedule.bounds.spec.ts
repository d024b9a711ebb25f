import { exactOptimum, lpUpperBound } from '@maillage/schedule-bounds';
import type { ScheduleProblem } from '@maillage/schedule-model';
import { optimiseSchedule } from './optimise-schedule';

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

describe('optimiseSchedule against lpUpperBound and exactOptimum', () => {
  it('bound the optimiser from above, with the ILP in between', async () => {
    const problem = randomProblem(14, 4, 3);
    const [bound, exact, optimised] = await Promise.all([
      lpUpperBound(problem),
      exactOptimum(problem),
      optimiseSchedule(problem),
    ]);
    expect(exact.status).toBe('optimal');
    expect(exact.value).toBeLessThanOrEqual(bound.value + 1e-6);
    expect(optimised.totalScore).toBeLessThanOrEqual(exact.value + 1e-6);
    expect(optimised.totalScore).toBeGreaterThanOrEqual(0.99 * exact.value);
  });
});
