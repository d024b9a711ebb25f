import { checkSchedule } from '@maillage/schedule-model';
import { optimiseSchedule, repairSchedule } from '@maillage/scheduling';
import { EventFormat, ParticipantSide, roundTimes } from '@maillage/events';
import {
  EventShape,
  RegistrationShape,
  availableRounds,
  buildScheduleProblem,
  eventProblem,
  toScheduleResult,
  triangleIndex,
} from './schedule-problem';
import type { StoredWeights } from './entities/schedule.entity';
import { WishLevel } from '@maillage/wishes';

const event = (over: Partial<EventShape> = {}): EventShape => ({
  format: EventFormat.ONE_TO_ONE,
  seats: null,
  rounds: 4,
  tables: null,
  minMeetings: null,
  maxMeetings: null,
  seed: 7,
  ...over,
});
const reg = (actorId: string, over: Partial<RegistrationShape> = {}): RegistrationShape => ({
  actorId,
  side: null,
  availableRounds: null,
  mustMeet: [],
  mustNotMeet: [],
  absentFromRound: null,
  ...over,
});

/** Deterministic pseudo-random weights (integers, score × 10000). */
function weightsFor(ids: string[], excluded: [string, string][] = []): StoredWeights {
  const n = ids.length;
  const weights: number[] = [];
  let x = 12345;
  for (let i = 0; i < (n * (n - 1)) / 2; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    weights.push(x % 10000);
  }
  return { ids, weights, excluded };
}

describe('buildScheduleProblem', () => {
  it('indexes the upper triangle row by row', () => {
    const n = 4;
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) seen.add(triangleIndex(n, i, j));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(triangleIndex(n, 2, 1)).toBe(triangleIndex(n, 1, 2));
  });

  it('turns 1-based availability and absences into 0-based rounds', () => {
    expect(availableRounds(reg('a'), 4)).toBeUndefined();
    expect(availableRounds(reg('a', { availableRounds: [1, 3] }), 4)).toEqual([0, 2]);
    expect(availableRounds(reg('a', { absentFromRound: 3 }), 4)).toEqual([0, 1]);
    // Late arrival from round 3: nothing before, unless those rounds were played already.
    expect(availableRounds(reg('a', { presentFromRound: 3 }), 4)).toEqual([2, 3]);
    expect(availableRounds(reg('a', { presentFromRound: 3 }), 4, 2)).toEqual([0, 2, 3]);
    expect(availableRounds(reg('a', { presentFromRound: 1 }), 4)).toBeUndefined();
  });

  it('maps weights by id, drops constraints on unregistered actors, lets must-meet beat an alliance', () => {
    const w = weightsFor(['c', 'a', 'b'], [['a', 'b']]);
    const problem = buildScheduleProblem(
      event(),
      [
        reg('a', { mustMeet: ['b', 'ghost'] }),
        reg('b', { mustMeet: ['a'] }),
        reg('c', { mustNotMeet: ['a'] }),
      ],
      w,
    );
    expect(problem.participants.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(problem.mustMeet).toEqual([['a', 'b']]);
    expect(problem.mustNotMeet).toEqual([['c', 'a']]);
    expect(problem.excludedPairs).toEqual([]);
    const weight = problem.weight as (i: number, j: number) => number;
    // a is slot 1, b slot 2 in the stored order.
    expect(weight(0, 1)).toBe(w.weights[triangleIndex(3, 1, 2)] / 10000);
  });

  it('carries bipartite sides and the table format', () => {
    const p = buildScheduleProblem(
      event({ format: EventFormat.BIPARTITE }),
      [reg('a', { side: ParticipantSide.A }), reg('b', { side: ParticipantSide.B })],
      weightsFor(['a', 'b']),
    );
    expect(p.participants.map((x) => x.side)).toEqual(['A', 'B']);
    expect(
      buildScheduleProblem(event({ format: EventFormat.TABLES, seats: 4 }), [], weightsFor([])).format,
    ).toEqual({
      kind: 'tables',
      seats: 4,
    });
  });
});

describe('live re-pairing through the stored model', () => {
  it('re-pairs 200 participants from round 3 in under 2 s, past rounds unchanged, absentees unseated', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `act_${String(i).padStart(3, '0')}`);
    const regs = ids.map((id) => reg(id));
    const w = weightsFor(ids);
    const ev = event({ rounds: 8 });
    const problem = buildScheduleProblem(ev, regs, w);
    const planned = await optimiseSchedule(problem, { bestEffort: true });
    const stored = planned.rounds.flatMap((r) =>
      r.meetings.map((m) => ({
        round: r.round + 1,
        tableNumber: m.table,
        participantIds: m.participantIds,
        score: m.score,
        locked: false,
      })),
    );

    const started = Date.now();
    const absent = ids.slice(0, 6);
    const repairRegs = regs.map((r) => (absent.includes(r.actorId) ? { ...r, absentFromRound: 3 } : r));
    const repairProblem = buildScheduleProblem(ev, repairRegs, w);
    const previous = toScheduleResult(repairProblem, stored, planned.algorithm);
    const repaired = await repairSchedule(repairProblem, previous, { fromRound: 2, absentIds: absent });
    const elapsed = Date.now() - started;

    expect(elapsed).toBeLessThan(2000);
    const key = (r: { meetings: { participantIds: string[] }[] }) =>
      r.meetings.map((m) => [...m.participantIds].sort().join('+')).sort();
    expect(key(repaired.rounds[0])).toEqual(key(planned.rounds[0]));
    expect(key(repaired.rounds[1])).toEqual(key(planned.rounds[1]));
    for (const round of repaired.rounds.slice(2))
      for (const m of round.meetings) expect(m.participantIds.some((id) => absent.includes(id))).toBe(false);
    expect(checkSchedule(repairProblem, repaired).filter((v) => v.kind !== 'score-mismatch')).toEqual([]);
  });
});

describe('roundTimes', () => {
  it('adds table changes and announced pauses', () => {
    const t = roundTimes({
      startsAt: new Date('2026-03-10T09:00:00Z'),
      rounds: 3,
      roundMinutes: 7,
      changeMinutes: 2,
      pauses: [{ afterRound: 1, minutes: 10 }],
    });
    expect(t.map((x) => x.startsAt.toISOString().slice(11, 16))).toEqual(['09:00', '09:19', '09:28']);
    expect(t[2].endsAt.toISOString().slice(11, 16)).toBe('09:35');
  });
});

describe('wishes in the event problem', () => {
  it('turns a NO into a must-not-meet that generation, live re-pairing and swaps keep (stored with the weights)', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    const regs = ids.map((id) => reg(id));
    const { problem, weights, pairs } = eventProblem(event({ rounds: 3 }), regs, weightsFor(ids), [
      { actorId: 'a', targetId: 'b', level: WishLevel.NO },
      { actorId: 'c', targetId: 'd', level: WishLevel.WANT },
      { actorId: 'x', targetId: 'a', level: WishLevel.NO }, // not registered: ignored
    ]);
    expect(weights.refused).toEqual([['a', 'b']]);
    expect(problem.mustNotMeet).toContainEqual(['a', 'b']);
    expect(pairs.get('c|d')?.kind).toBe('one-sided');
    const result = await optimiseSchedule(problem, { bestEffort: true });
    const met = result.rounds.flatMap((r) => r.meetings.map((m) => [...m.participantIds].sort().join('+')));
    expect(met).not.toContain('a+b');
    // Rebuilt from the stored weights alone (re-pairing, swaps): still excluded.
    expect(buildScheduleProblem(event({ rounds: 3 }), regs, weights).mustNotMeet).toContainEqual(['a', 'b']);
  });
});
