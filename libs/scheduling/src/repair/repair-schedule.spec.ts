import { checkSchedule, type ScheduleProblem, type ScheduleResult } from '@maillage/schedule-model';
import { optimiseSchedule } from '../optimise-schedule';
import { buildRepairProblem, repairSchedule } from './repair-schedule';

function problemOf(count: number, rounds: number, overrides: Partial<ScheduleProblem> = {}): ScheduleProblem {
  return {
    participants: Array.from({ length: count }, (_, i) => ({ id: `p${i}` })),
    rounds,
    format: { kind: 'one-to-one' },
    weight: (a, b) => {
      const x = Math.sin((a * 131 + b * 17 + 5) * 12.9898) * 43758.5453;
      return Math.round((x - Math.floor(x)) ** 2 * 1e4) / 1e4;
    },
    seed: 5,
    ...overrides,
  };
}

const meetingsOf = (result: ScheduleResult, round: number): string[] =>
  result.rounds[round].meetings.map((m) => [...m.participantIds].sort().join('+')).sort();

describe('repairSchedule', () => {
  it('keeps the played rounds, drops the absent, keeps most of the plan and stays valid', async () => {
    const problem = problemOf(40, 6);
    const previous = await optimiseSchedule(problem);
    const absentIds = ['p3', 'p17', 'p28'];
    const repaired = await repairSchedule(problem, previous, { fromRound: 2, absentIds });

    for (const r of [0, 1]) expect(meetingsOf(repaired, r)).toEqual(meetingsOf(previous, r));
    for (let r = 2; r < 6; r++) {
      const seated = repaired.rounds[r].meetings.flatMap((m) => m.participantIds);
      for (const id of absentIds) {
        expect(seated).not.toContain(id);
        expect(repaired.rounds[r].breaks).toContainEqual({ participantId: id, reason: 'absent' });
      }
    }
    // Meetings not involving an absent participant or their partners are worth keeping.
    expect(repaired.stats.keptMeetings).toBeGreaterThan(0.6 * 4 * 20);
    expect(
      checkSchedule(buildRepairProblem(problem, previous, { fromRound: 2, absentIds }), repaired),
    ).toEqual([]);
  });

  it('keeps locked meetings of the remaining rounds unless they involve someone absent', async () => {
    const problem = problemOf(10, 4, {
      locked: [
        { round: 3, participantIds: ['p0', 'p1'] },
        { round: 3, participantIds: ['p2', 'p9'] },
      ],
    });
    const previous = await optimiseSchedule(problem);
    const repaired = await repairSchedule(problem, previous, { fromRound: 1, absentIds: ['p9'] });
    expect(meetingsOf(repaired, 3)).toContain('p0+p1');
    expect(meetingsOf(repaired, 3)).not.toContain('p2+p9');
    expect(meetingsOf(repaired, 0)).toEqual(meetingsOf(previous, 0));
  });

  it('keeps late participants out of the rounds they miss and reports an impossible must-meet', async () => {
    const problem = problemOf(12, 4, { mustMeet: [['p0', 'p5']] });
    const previous = await optimiseSchedule(problem);
    const alreadyMet = previous.rounds[0].meetings.some(
      (m) => m.participantIds.includes('p0') && m.participantIds.includes('p5'),
    );
    const repaired = await repairSchedule(problem, previous, {
      fromRound: 1,
      lateIds: ['p7'],
      lateUntilRound: 3,
      absentIds: ['p5'],
    });
    for (const r of [1, 2])
      expect(repaired.rounds[r].meetings.flatMap((m) => m.participantIds)).not.toContain('p7');
    expect(alreadyMet || repaired.unplaced.some((u) => u.participantId === 'p0')).toBe(true);
  });

  it('re-plans 200 participants x 8 rounds with 10% no-shows in well under 2 s', async () => {
    const problem = problemOf(200, 8);
    const previous = await optimiseSchedule(problem);
    const absentIds = problem.participants.filter((_, i) => i % 10 === 4).map((p) => p.id);
    const started = Date.now();
    const repaired = await repairSchedule(problem, previous, { fromRound: 3, absentIds });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(
      checkSchedule(buildRepairProblem(problem, previous, { fromRound: 3, absentIds }), repaired),
    ).toEqual([]);
  });
});
