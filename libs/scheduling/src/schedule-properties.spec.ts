import { mulberry32 as prng } from '@maillage/domain';
import {
  checkSchedule,
  type Participant,
  type ParticipantPair,
  type ScheduleProblem,
} from '@maillage/schedule-model';
import { greedySchedule } from './greedy-schedule';
import { optimiseSchedule } from './optimise-schedule';
import { buildRepairProblem, repairSchedule } from './repair/repair-schedule';

/** Small random problems mixing every format and constraint, including infeasible ones. */
function randomProblem(seed: number): ScheduleProblem {
  const random = prng(seed);
  const n = 2 + Math.floor(random() * 18);
  const rounds = 1 + Math.floor(random() * 5);
  const roll = random();
  const format: ScheduleProblem['format'] =
    roll < 0.4
      ? { kind: 'one-to-one', oddOneOut: random() < 0.4 ? 'trio' : 'break' }
      : roll < 0.7
        ? { kind: 'bipartite' }
        : { kind: 'tables', seats: 3 + Math.floor(random() * 4) };
  const participants: Participant[] = Array.from({ length: n }, (_, i) => ({
    id: `x${i}`,
    side: random() < 0.5 ? 'A' : 'B',
    availableRounds: random() < 0.3 ? [...Array(rounds).keys()].filter(() => random() < 0.6) : undefined,
    maxMeetings: random() < 0.2 ? Math.floor(random() * rounds) : undefined,
    minMeetings: random() < 0.15 ? Math.floor(random() * 3) : undefined,
  }));
  const pairs = (count: number): ParticipantPair[] =>
    Array.from({ length: count }, (): [string, string] => [
      `x${Math.floor(random() * n)}`,
      `x${Math.floor(random() * n)}`,
    ]).filter(([a, b]) => a !== b);
  const weights = new Float64Array(n * n).map(() => Math.round(random() ** 2 * 1e4) / 1e4);
  return {
    participants,
    rounds,
    format,
    tables: random() < 0.3 ? Math.floor(random() * 5) : undefined,
    weight: (a, b) => weights[Math.min(a, b) * n + Math.max(a, b)],
    mustMeet: random() < 0.4 ? pairs(2) : undefined,
    mustNotMeet: random() < 0.4 ? pairs(3) : undefined,
    excludedPairs: random() < 0.3 ? pairs(3) : undefined,
    seed,
  };
}

describe('schedules on random small problems (checked independently)', () => {
  it('never break a hard rule, in best-effort mode, for the optimiser, greedy and re-pairing', async () => {
    for (let seed = 1; seed <= 80; seed++) {
      const problem = randomProblem(seed);
      const optimised = await optimiseSchedule(problem, { bestEffort: true });
      expect({ seed, violations: checkSchedule(problem, optimised) }).toEqual({ seed, violations: [] });
      // Greedy may repeat a pair at small tables (it has no local search); nothing else.
      const greedy = checkSchedule(problem, greedySchedule(problem, { bestEffort: true }));
      expect({
        seed,
        violations: greedy.filter((v) => v.kind !== 'pair-twice' || problem.format.kind !== 'tables'),
      }).toEqual({
        seed,
        violations: [],
      });
      if (problem.rounds > 1) {
        const request = {
          fromRound: 1,
          absentIds: problem.participants.filter((_, i) => i % 4 === 1).map((p) => p.id),
        };
        const repaired = await repairSchedule(problem, optimised, request);
        expect({
          seed,
          violations: checkSchedule(buildRepairProblem(problem, optimised, request), repaired),
        }).toEqual({
          seed,
          violations: [],
        });
      }
    }
  });
});
