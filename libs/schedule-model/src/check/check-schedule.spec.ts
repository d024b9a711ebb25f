import type { Meeting, ScheduleProblem, ScheduleResult } from '../types';
import { checkSchedule } from './check-schedule';

const W: Record<string, number> = { 'a-b': 0.5, 'c-d': 0.4, 'a-c': 0.3, 'b-d': 0.2, 'a-d': 0.1, 'b-c': 0.6 };
const ids = ['a', 'b', 'c', 'd'];
const weightOf = (x: string, y: string): number => W[`${x}-${y}`] ?? W[`${y}-${x}`];

function problem(overrides: Partial<ScheduleProblem> = {}): ScheduleProblem {
  return {
    participants: ids.map((id) => ({ id })),
    rounds: 2,
    format: { kind: 'one-to-one' },
    weight: (a, b) => weightOf(ids[a], ids[b]),
    seed: 1,
    ...overrides,
  };
}

function meeting(table: number, ...members: string[]): Meeting {
  let score = 0;
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) score += weightOf(members[i], members[j]);
  return { table, participantIds: members, score };
}

/** A hand-made result; totals are recomputed so only the deliberate fault differs. */
function result(
  rounds: Meeting[][],
  breaks: { participantId: string; round: number }[] = [],
): ScheduleResult {
  const pairs = new Set<string>();
  let total = 0;
  for (const round of rounds) {
    for (const m of round) {
      const key = [...m.participantIds].sort().join('+');
      if (!pairs.has(key)) total += m.score;
      pairs.add(key);
    }
  }
  return {
    rounds: rounds.map((meetings, round) => ({
      round,
      meetings,
      breaks: breaks
        .filter((b) => b.round === round)
        .map((b) => ({ participantId: b.participantId, reason: 'uneven-count' as const })),
    })),
    totalScore: total,
    perParticipant: [],
    unplaced: [],
    algorithm: 'hand-made',
    stats: {
      participants: 4,
      rounds: rounds.length,
      candidateEdges: 0,
      matchingsSolved: 0,
      improvementPasses: 0,
      improvementGain: 0,
      elapsedMs: 0,
      phaseMs: {},
      meetings: 0,
    },
  };
}

const valid = (): ScheduleResult =>
  result([
    [meeting(1, 'a', 'b'), meeting(2, 'c', 'd')],
    [meeting(1, 'a', 'c'), meeting(2, 'b', 'd')],
  ]);

describe('checkSchedule', () => {
  it('accepts a valid schedule', () => {
    expect(checkSchedule(problem(), valid())).toEqual([]);
  });

  it('catches a pair meeting twice', () => {
    const r = result([
      [meeting(1, 'a', 'b'), meeting(2, 'c', 'd')],
      [meeting(1, 'a', 'b'), meeting(2, 'c', 'd')],
    ]);
    expect(checkSchedule(problem(), r).map((v) => v.kind)).toEqual(['pair-twice', 'pair-twice']);
  });

  it('catches a participant seated twice in one round and one missing', () => {
    const r = result([
      [meeting(1, 'a', 'b'), meeting(2, 'a', 'c')],
      [meeting(1, 'a', 'd'), meeting(2, 'b', 'c')],
    ]);
    const kinds = checkSchedule(problem(), r).map((v) => v.kind);
    expect(kinds).toContain('participant-twice-in-round');
    expect(kinds).toContain('participant-missing-from-round');
  });

  it('catches an unavailable round, a must-not-meet pair, an excluded pair and a same-side pair', () => {
    const p = problem({
      participants: [
        { id: 'a', availableRounds: [1], side: 'A' },
        { id: 'b', side: 'A' },
        { id: 'c', side: 'B' },
        { id: 'd', side: 'B' },
      ],
      format: { kind: 'bipartite' },
      mustNotMeet: [['c', 'd']],
      excludedPairs: [['a', 'c']],
    });
    const kinds = checkSchedule(p, valid())
      .map((v) => v.kind)
      .sort();
    expect(kinds).toEqual(['excluded-pair', 'must-not-meet', 'same-side', 'same-side', 'unavailable-round']);
  });

  it('catches over-max, under-min, a missing must-meet and a table cap overrun', () => {
    const p = problem({
      participants: [{ id: 'a', maxMeetings: 1 }, { id: 'b', minMeetings: 3 }, { id: 'c' }, { id: 'd' }],
      mustMeet: [['a', 'd']],
      tables: 1,
    });
    const kinds = checkSchedule(p, valid())
      .map((v) => v.kind)
      .sort();
    expect(kinds).toEqual([
      'must-meet-missing',
      'over-max-meetings',
      'table-cap',
      'table-cap',
      'under-min-meetings',
    ]);
  });

  it('accepts a missing must-meet the result declares as unplaced', () => {
    const r = {
      ...valid(),
      unplaced: [{ participantId: 'a', code: 'must-meet-not-scheduled' as const, reason: 'declared' }],
    };
    expect(checkSchedule(problem({ mustMeet: [['a', 'd']] }), r)).toEqual([]);
  });

  it('catches a misreported score and a lost locked meeting', () => {
    const r = valid();
    r.rounds[0].meetings[0] = { ...r.rounds[0].meetings[0], score: 0.9 };
    const p = problem({ locked: [{ round: 1, participantIds: ['a', 'd'] }] });
    expect(checkSchedule(p, r).map((v) => v.kind)).toEqual(['score-mismatch', 'locked-meeting-missing']);
  });

  it('catches a changed played round', () => {
    const p = problem({
      fixedRounds: 1,
      locked: [
        { round: 0, participantIds: ['a', 'b'] },
        { round: 0, participantIds: ['c', 'd'] },
      ],
    });
    expect(checkSchedule(p, valid())).toEqual([]);
    const changed = result([
      [meeting(1, 'a', 'd'), meeting(2, 'b', 'c')],
      [meeting(1, 'a', 'c'), meeting(2, 'b', 'd')],
    ]);
    expect(checkSchedule(p, changed).map((v) => v.kind)).toContain('fixed-round-changed');
  });
});
