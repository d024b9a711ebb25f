import type {
  LockedMeeting,
  MeetingFormat,
  Participant,
  ParticipantPair,
  ScheduleProblem,
} from '@maillage/schedule-model';
import { EventFormat } from '@maillage/events';
import type { EventEntity, RegistrationEntity } from '@maillage/events';
import { type PairWish, type WishRow, pairWishes, refusedPairs } from '@maillage/wishes';
import type { StoredWeights } from './entities/schedule.entity';

/**
 * Pure translation between the event's relational model (1-based rounds, actor ids) and the
 * optimiser's ScheduleProblem (0-based rounds). No Nest, no database: unit-tested beside.
 */

import { WEIGHT_SCALE } from '@maillage/schedule-model';
import {
  quantise,
  triangleIndex,
  toScheduleResult,
  type StoredMeetingShape,
} from '@maillage/schedule-objectives';

export { WEIGHT_SCALE, quantise, triangleIndex, toScheduleResult, type StoredMeetingShape };

export type EventShape = Pick<
  EventEntity,
  'format' | 'seats' | 'rounds' | 'tables' | 'minMeetings' | 'maxMeetings' | 'seed'
>;
export type RegistrationShape = Pick<
  RegistrationEntity,
  'actorId' | 'side' | 'availableRounds' | 'mustMeet' | 'mustNotMeet' | 'absentFromRound'
> &
  Partial<Pick<RegistrationEntity, 'presentFromRound'>>;
export interface LockedShape {
  round: number;
  tableNumber: number;
  participantIds: string[];
}

export function formatOf(event: Pick<EventShape, 'format' | 'seats'>): MeetingFormat {
  switch (event.format) {
    case EventFormat.BIPARTITE:
      return { kind: 'bipartite' };
    case EventFormat.TABLES:
      return { kind: 'tables', seats: event.seats ?? 4 };
    default:
      // Odd count: the one left over takes a break, announced in the plan.
      return { kind: 'one-to-one', oddOneOut: 'break' };
  }
}

/**
 * 0-based rounds a registration can attend: its availability, cut at the round it left and before
 * the round it arrives (late arrival). Rounds before `keepBefore` (1-based, already played) are
 * never cut: what happened there stays as it was.
 */
export function availableRounds(
  reg: RegistrationShape,
  rounds: number,
  keepBefore = 1,
): number[] | undefined {
  const last = reg.absentFromRound ? Math.min(rounds, reg.absentFromRound - 1) : rounds;
  const first = reg.presentFromRound ?? 1;
  if (!reg.availableRounds && last === rounds && first <= keepBefore) return undefined;
  const base = reg.availableRounds ?? Array.from({ length: rounds }, (_, r) => r + 1);
  return base.filter((r) => r >= 1 && r <= last && (r >= first || r < keepBefore)).map((r) => r - 1);
}

function pairsOf(
  regs: readonly RegistrationShape[],
  pick: (r: RegistrationShape) => string[],
  registered: Set<string>,
): ParticipantPair[] {
  const seen = new Set<string>();
  const out: ParticipantPair[] = [];
  for (const r of regs) {
    for (const other of pick(r)) {
      // Constraints on actors not (or no longer) registered cannot apply.
      if (other === r.actorId || !registered.has(other)) continue;
      const key = r.actorId < other ? `${r.actorId}|${other}` : `${other}|${r.actorId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([r.actorId, other]);
    }
  }
  return out;
}

/**
 * Builds the optimiser's problem. `weights.ids` may list actors in any order; registrations decide
 * who takes part. Already-allied pairs are excluded unless the organiser asked them to meet.
 */
export function buildScheduleProblem(
  event: EventShape,
  registrations: readonly RegistrationShape[],
  weights: StoredWeights,
  locked: readonly LockedShape[] = [],
  keepBefore = 1,
): ScheduleProblem {
  const registered = new Set(registrations.map((r) => r.actorId));
  const participants: Participant[] = registrations.map((r) => {
    const rounds = availableRounds(r, event.rounds, keepBefore);
    return {
      id: r.actorId,
      ...(event.format === EventFormat.BIPARTITE && r.side ? { side: r.side } : {}),
      ...(rounds ? { availableRounds: rounds } : {}),
      ...(event.minMeetings != null ? { minMeetings: event.minMeetings } : {}),
      ...(event.maxMeetings != null ? { maxMeetings: event.maxMeetings } : {}),
    };
  });
  const slot = new Map(weights.ids.map((id, i) => [id, i]));
  const toWeightSlot = participants.map((p) => slot.get(p.id) ?? -1);
  const n = weights.ids.length;
  const weight = (a: number, b: number): number => {
    const i = toWeightSlot[a];
    const j = toWeightSlot[b];
    if (i < 0 || j < 0 || i === j) return 0;
    return (weights.weights[triangleIndex(n, i, j)] ?? 0) / WEIGHT_SCALE;
  };
  const mustMeet = pairsOf(registrations, (r) => r.mustMeet, registered);
  const wanted = new Set(mustMeet.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
  const excludedPairs = weights.excluded.filter(
    ([a, b]) => registered.has(a) && registered.has(b) && !wanted.has(a < b ? `${a}|${b}` : `${b}|${a}`),
  );
  const byId = new Map(participants.map((p) => [p.id, p]));
  const usable = (m: LockedShape): boolean =>
    m.participantIds.every((id) => {
      const p = byId.get(id);
      return !!p && (!p.availableRounds || p.availableRounds.includes(m.round - 1));
    });
  const lockedMeetings: LockedMeeting[] = locked
    .filter(usable)
    .map((m) => ({ round: m.round - 1, participantIds: m.participantIds, table: m.tableNumber }));
  return {
    participants,
    rounds: event.rounds,
    format: formatOf(event),
    ...(event.tables ? { tables: event.tables } : {}),
    weight,
    mustMeet,
    // Wish NO is a hard exclusion: a must-not-meet, so an organiser's must-meet is reported as a conflict.
    mustNotMeet: [
      ...pairsOf(registrations, (r) => r.mustNotMeet, registered),
      ...(weights.refused ?? []).filter(([a, b]) => registered.has(a) && registered.has(b)),
    ],
    excludedPairs,
    locked: lockedMeetings,
    seed: event.seed,
  };
}

/** The event's problem with its participants' wishes: refused pairs become must-not-meets. */
export function eventProblem(
  event: EventShape,
  regs: readonly RegistrationShape[],
  weights: StoredWeights,
  wishes: readonly WishRow[],
  locked: readonly LockedShape[] = [],
): { problem: ScheduleProblem; pairs: Map<string, PairWish>; weights: StoredWeights } {
  const pairs = pairWishes(wishes, new Set(regs.map((r) => r.actorId)));
  const withRefusals = { ...weights, refused: refusedPairs(pairs) };
  return { problem: buildScheduleProblem(event, regs, withRefusals, locked), pairs, weights: withRefusals };
}
