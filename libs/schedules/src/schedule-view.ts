import { roundTimes } from '@maillage/events';
import type { EventEntity } from '@maillage/events';
import { exposureOf } from '@maillage/scheduling';
import { type PairWish, wishReport } from '@maillage/wishes';
import type { MeetingEntity, MeetingExplanation } from './entities/meeting.entity';
import type { ScheduleEntity, StoredWeights } from './entities/schedule.entity';
import { ScheduleObjective } from '@maillage/schedule-objectives';
import type { Meeting, PairReason, Schedule } from './models/schedule.models';
import { WEIGHT_SCALE, triangleIndex } from './schedule-problem';

/** GraphQL shapes of a stored schedule: rounds with their times, meetings with names, breaks. */
export function toScheduleModel(
  event: EventEntity,
  schedule: ScheduleEntity,
  meetings: readonly MeetingEntity[],
  participantIds: readonly string[],
  names: ReadonlyMap<string, string>,
  wishes: ReadonlyMap<string, PairWish>,
): Schedule {
  const times = roundTimes(event);
  return {
    id: schedule.id,
    eventId: schedule.eventId,
    version: schedule.version,
    status: schedule.status,
    algorithm: schedule.algorithm,
    totalScore: schedule.totalScore,
    upperBound: schedule.upperBound,
    unplaced: schedule.unplaced.map((u) => ({ actorId: u.participantId, code: u.code, reason: u.reason })),
    objective: schedule.objective === 'FAIRNESS' ? ScheduleObjective.FAIRNESS : ScheduleObjective.SUM,
    fairnessBound: schedule.fairnessBound,
    exposure: exposureOf({
      perParticipant: participantTotals(participantIds, meetings, schedule.pairWeights),
    }),
    wishes: wishReport(meetings, wishes),
    repairedFromRound: schedule.repairedFromRound,
    createdAt: schedule.createdAt,
    publishedAt: schedule.publishedAt,
    rounds: times.map((t) => {
      const inRound = meetings.filter((m) => m.round === t.round);
      const seated = new Set(inRound.flatMap((m) => m.participantIds));
      return {
        round: t.round,
        startsAt: t.startsAt,
        endsAt: t.endsAt,
        meetings: inRound.map((m) => toMeetingModel(m, names)),
        breaks: participantIds.filter((id) => !seated.has(id)),
      };
    }),
  };
}

export function toMeetingModel(m: MeetingEntity, names: ReadonlyMap<string, string>): Meeting {
  return {
    id: m.id,
    round: m.round,
    table: m.tableNumber,
    participantIds: m.participantIds,
    participants: m.participantIds.map((id) => ({ actorId: id, name: names.get(id) ?? null })),
    score: m.score,
    locked: m.locked,
    reasons: toReasons(m.explanation),
  };
}

function toReasons(e: MeetingExplanation | null): PairReason[] {
  return (e?.pairs ?? []).map((p) => ({
    ...p,
    components: p.components.map((c) => `${c.name}:${c.contribution >= 0 ? '+' : ''}${c.contribution}`),
  }));
}

/** Each participant's meetings and total raw score in the stored plan (as it stands after edits). */
export function participantTotals(
  ids: readonly string[],
  meetings: readonly Pick<MeetingEntity, 'participantIds'>[],
  weights: StoredWeights,
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
