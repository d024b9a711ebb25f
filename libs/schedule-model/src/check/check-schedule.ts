import type { ScheduleProblem, ScheduleResult, Violation } from '../types';

export interface CheckOptions {
  /** Allowed difference between reported and recomputed scores. Default 1e-4. */
  scoreTolerance?: number;
}

/**
 * Independent checker: verifies a result against the problem's rules using only the public
 * shapes (ids, not the optimiser's internal indices or data structures), so a bug in the
 * optimiser's bookkeeping cannot hide itself. Shortfalls the result declares in `unplaced`
 * (missing must-meets, minimum meetings not reached) are accepted; anything else is reported.
 */
export function checkSchedule(
  problem: ScheduleProblem,
  result: ScheduleResult,
  options: CheckOptions = {},
): Violation[] {
  const tolerance = options.scoreTolerance ?? 1e-4;
  const violations: Violation[] = [];
  const report = (
    kind: Violation['kind'],
    participantIds: string[],
    message: string,
    round?: number,
  ): void => {
    violations.push({ kind, participantIds, message, ...(round === undefined ? {} : { round }) });
  };
  const byId = new Map(problem.participants.map((p, index) => [p.id, { ...p, index }]));
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const pairSet = (pairs: readonly (readonly [string, string])[] | undefined): Set<string> =>
    new Set((pairs ?? []).map(([a, b]) => pairKey(a, b)));
  const mustNot = pairSet(problem.mustNotMeet);
  const excluded = pairSet(problem.excludedPairs);
  const declared = new Set(result.unplaced.map((u) => u.participantId));
  const repeatDeclared = new Set(
    result.unplaced.filter((u) => u.code === 'repeated-pair').map((u) => u.participantId),
  );
  const weightOf = pairWeightLookup(problem, byId);

  const format = problem.format;
  const maxSize =
    format.kind === 'tables'
      ? format.seats
      : format.kind === 'one-to-one' && format.oddOneOut === 'trio'
        ? 3
        : 2;
  const meetingsOf = new Map<string, number>();
  const roundsOfPair = new Map<string, number[]>();

  if (result.rounds.length !== problem.rounds) {
    report(
      'participant-missing-from-round',
      [],
      `expected ${problem.rounds} rounds, got ${result.rounds.length}`,
    );
  }
  result.rounds.forEach((round, position) => {
    const r = round.round;
    if (r !== position)
      report('participant-missing-from-round', [], `round at position ${position} is numbered ${r}`, r);
    const seen = new Map<string, number>();
    const tableNumbers = new Set<number>();
    for (const meeting of round.meetings) {
      if (!Number.isInteger(meeting.table) || meeting.table < 1 || tableNumbers.has(meeting.table)) {
        report(
          'duplicate-table-number',
          meeting.participantIds,
          `table ${meeting.table} invalid or used twice`,
          r,
        );
      }
      tableNumbers.add(meeting.table);
      const ids = meeting.participantIds;
      if (ids.length < 2 || ids.length > maxSize)
        report('table-size', ids, `meeting of ${ids.length} (allowed 2..${maxSize})`, r);
      let recomputed = 0;
      for (const id of ids) {
        const p = byId.get(id);
        seen.set(id, (seen.get(id) ?? 0) + 1);
        if (p === undefined) {
          report('unknown-participant', [id], `unknown participant ${id}`, r);
          continue;
        }
        meetingsOf.set(id, (meetingsOf.get(id) ?? 0) + 1);
        if (p.availableRounds !== undefined && !p.availableRounds.includes(r)) {
          report('unavailable-round', [id], `${id} is not available in round ${r}`, r);
        }
      }
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const a = ids[i];
          const b = ids[j];
          const key = pairKey(a, b);
          roundsOfPair.set(key, [...(roundsOfPair.get(key) ?? []), r]);
          if (mustNot.has(key)) report('must-not-meet', [a, b], `${a} and ${b} must not meet`, r);
          if (excluded.has(key)) report('excluded-pair', [a, b], `${a} and ${b} are an excluded pair`, r);
          const pa = byId.get(a);
          const pb = byId.get(b);
          if (format.kind === 'bipartite' && pa !== undefined && pb !== undefined && pa.side === pb.side) {
            report('same-side', [a, b], `${a} and ${b} are both on side ${pa.side}`, r);
          }
          if (pa !== undefined && pb !== undefined) recomputed += weightOf(pa.index, pb.index, a, b);
        }
      }
      if (Math.abs(recomputed - meeting.score) > tolerance) {
        report(
          'score-mismatch',
          ids,
          `meeting score ${meeting.score} but pair weights sum to ${recomputed}`,
          r,
        );
      }
    }
    if (problem.tables !== undefined && round.meetings.length > problem.tables) {
      report('table-cap', [], `${round.meetings.length} meetings for ${problem.tables} tables`, r);
    }
    for (const b of round.breaks) {
      if (!byId.has(b.participantId))
        report('unknown-participant', [b.participantId], `unknown participant on break`, r);
      seen.set(b.participantId, (seen.get(b.participantId) ?? 0) + 1);
    }
    for (const [id, count] of seen) {
      if (count > 1)
        report('participant-twice-in-round', [id], `${id} appears ${count} times in round ${r}`, r);
    }
    for (const p of problem.participants) {
      if (!seen.has(p.id))
        report('participant-missing-from-round', [p.id], `${p.id} is neither seated nor on break`, r);
    }
    if (r < (problem.fixedRounds ?? 0)) {
      const lockedHere = (problem.locked ?? [])
        .filter((m) => m.round === r)
        .map((m) => [...m.participantIds].sort().join('|'));
      for (const meeting of round.meetings) {
        if (!lockedHere.includes([...meeting.participantIds].sort().join('|'))) {
          report(
            'fixed-round-changed',
            meeting.participantIds,
            `round ${r} is played but has a new meeting`,
            r,
          );
        }
      }
    }
  });

  let recomputedTotal = 0;
  for (const [key, rounds] of roundsOfPair) {
    const [a, b] = key.split('\u0000');
    // At small tables a repeat may be unavoidable; it is accepted only when the result declares it.
    const declaredRepeat = format.kind === 'tables' && repeatDeclared.has(a) && repeatDeclared.has(b);
    if (rounds.length > 1 && !declaredRepeat)
      report('pair-twice', [a, b], `${a} and ${b} meet in rounds ${rounds.join(', ')}`);
    const pa = byId.get(a);
    const pb = byId.get(b);
    if (pa !== undefined && pb !== undefined) recomputedTotal += weightOf(pa.index, pb.index, a, b);
  }
  if (Math.abs(recomputedTotal - result.totalScore) > tolerance) {
    report(
      'score-mismatch',
      [],
      `totalScore ${result.totalScore} but distinct pairs sum to ${recomputedTotal}`,
    );
  }

  for (const p of problem.participants) {
    const count = meetingsOf.get(p.id) ?? 0;
    const max = p.maxMeetings ?? problem.rounds;
    if (count > max) report('over-max-meetings', [p.id], `${p.id} has ${count} meetings (max ${max})`);
    if (count < (p.minMeetings ?? 0) && !declared.has(p.id)) {
      report(
        'under-min-meetings',
        [p.id],
        `${p.id} has ${count} meetings (min ${p.minMeetings}) and is not listed as unplaced`,
      );
    }
  }
  for (const [a, b] of problem.mustMeet ?? []) {
    if (!roundsOfPair.has(pairKey(a, b)) && !declared.has(a) && !declared.has(b)) {
      report(
        'must-meet-missing',
        [a, b],
        `${a} and ${b} must meet but do not, and it is not declared unplaced`,
      );
    }
  }
  for (const locked of problem.locked ?? []) {
    const round = result.rounds.find((x) => x.round === locked.round);
    const wanted = [...locked.participantIds].sort().join('|');
    const found = round?.meetings.find((m) => [...m.participantIds].sort().join('|') === wanted);
    if (found === undefined || (locked.table !== undefined && found.table !== locked.table)) {
      report(
        'locked-meeting-missing',
        [...locked.participantIds],
        `locked meeting in round ${locked.round} not kept as is`,
        locked.round,
      );
    }
  }
  return violations;
}

/** Pair weight from the problem's own weight input (function by index, or sparse list by id). */
function pairWeightLookup(
  problem: ScheduleProblem,
  byId: ReadonlyMap<string, { index: number }>,
): (aIndex: number, bIndex: number, a: string, b: string) => number {
  const weight = problem.weight;
  if (typeof weight === 'function') {
    return (ai, bi) => weight(Math.min(ai, bi), Math.max(ai, bi));
  }
  const sparse = new Map<string, number>();
  for (const c of weight) {
    if (!byId.has(c.a) || !byId.has(c.b)) continue;
    sparse.set(c.a < c.b ? `${c.a}\u0000${c.b}` : `${c.b}\u0000${c.a}`, c.weight);
  }
  return (_ai, _bi, a, b) => sparse.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`) ?? 0;
}
