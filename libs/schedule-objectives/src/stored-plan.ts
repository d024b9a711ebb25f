import { WEIGHT_SCALE } from '@maillage/schedule-model';
import type { RoundPlan, ScheduleProblem, ScheduleResult } from '@maillage/schedule-model';

/**
 * The stored plan judged as it stands after edits (swaps, re-pairing): pair weights are kept as an
 * upper triangle of integers (score × WEIGHT_SCALE, as the optimiser sees them).
 */
export interface StoredPairWeights {
  ids: readonly string[];
  weights: readonly number[];
}

/** Index of the pair (i < j) in a row-major upper triangle of n items. */
export function triangleIndex(n: number, i: number, j: number): number {
  const [lo, hi] = i < j ? [i, j] : [j, i];
  return lo * n - (lo * (lo + 1)) / 2 + (hi - lo - 1);
}

/** Complementarity is optimised as integers: float weights can mislead the matching. */
export function quantise(score: number): number {
  return Math.max(0, Math.min(WEIGHT_SCALE, Math.round(score * WEIGHT_SCALE)));
}

/** Each participant's meetings and total raw score in the stored plan. */
export function participantTotals(
  ids: readonly string[],
  meetings: readonly { participantIds: readonly string[] }[],
  weights: StoredPairWeights,
): { id: string; meetings: number; score: number }[] {
  const slot = new Map(weights.ids.map((id, i) => [id, i]));
  const totals = new Map(ids.map((id) => [id, { id, meetings: 0, score: 0 }]));
  for (const m of meetings) {
    for (const id of m.participantIds) {
      const row = totals.get(id);
      if (!row) continue;
      row.meetings++;
      for (const other of m.participantIds) {
        const [i, j] = [slot.get(id), slot.get(other)];
        if (other === id || i === undefined || j === undefined) continue;
        row.score += (weights.weights[triangleIndex(weights.ids.length, i, j)] ?? 0) / WEIGHT_SCALE;
      }
    }
  }
  return [...totals.values()];
}

/** Pairs seated together in more than one meeting of the plan (small tables can force a repeat). */
export function repeatedPairs(meetings: readonly { participantIds: readonly string[] }[]): number {
  const sittings = new Map<string, number>();
  for (const { participantIds: ids } of meetings) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = ids[i] < ids[j] ? `${ids[i]} ${ids[j]}` : `${ids[j]} ${ids[i]}`;
        sittings.set(key, (sittings.get(key) ?? 0) + 1);
      }
    }
  }
  let repeated = 0;
  for (const count of sittings.values()) if (count > 1) repeated++;
  return repeated;
}

export interface StoredMeetingShape {
  round: number;
  tableNumber: number;
  participantIds: string[];
  score: number;
  locked: boolean;
}

/** Rebuilds the optimiser's view of a stored schedule (for live re-pairing). */
export function toScheduleResult(
  problem: ScheduleProblem,
  meetings: readonly StoredMeetingShape[],
  algorithm: string,
): ScheduleResult {
  const rounds: RoundPlan[] = Array.from({ length: problem.rounds }, (_, r) => ({
    round: r,
    meetings: [],
    breaks: [],
  }));
  for (const m of meetings) {
    rounds[m.round - 1]?.meetings.push({
      table: m.tableNumber,
      participantIds: [...m.participantIds],
      score: m.score,
      locked: m.locked,
    });
  }
  for (const plan of rounds) {
    const seated = new Set(plan.meetings.flatMap((m) => m.participantIds));
    for (const p of problem.participants)
      if (!seated.has(p.id)) plan.breaks.push({ participantId: p.id, reason: 'no-compatible-partner' });
  }
  const per = new Map(problem.participants.map((p) => [p.id, { id: p.id, meetings: 0, score: 0 }]));
  let totalScore = 0;
  for (const m of meetings) {
    totalScore += m.score;
    for (const id of m.participantIds) {
      const row = per.get(id);
      if (row) {
        row.meetings++;
        row.score += m.score;
      }
    }
  }
  return {
    rounds,
    totalScore,
    perParticipant: [...per.values()],
    unplaced: [],
    algorithm,
    stats: {
      participants: problem.participants.length,
      rounds: problem.rounds,
      candidateEdges: 0,
      matchingsSolved: 0,
      improvementPasses: 0,
      improvementGain: 0,
      elapsedMs: 0,
      phaseMs: {},
      meetings: meetings.length,
    },
  };
}
