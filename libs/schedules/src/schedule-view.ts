import { roundTimes } from '@maillage/events';
import type { EventEntity } from '@maillage/events';
import { exposureOf } from '@maillage/scheduling';
import { type PairWish, wishReport } from '@maillage/wishes';
import type { MeetingEntity, MeetingExplanation } from './entities/meeting.entity';
import type { ScheduleEntity } from './entities/schedule.entity';
import { ScheduleObjective, participantTotals, repeatedPairs } from '@maillage/schedule-objectives';
import type { Meeting, PairReason, Schedule } from './models/schedule.models';

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
    repeatedPairs: repeatedPairs(meetings),
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
