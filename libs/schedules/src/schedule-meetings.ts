import { ScheduleResult } from '@maillage/schedule-model';
import { MeetingEntity, MeetingExplanation } from './entities/meeting.entity';
import { StoredWeights } from './entities/schedule.entity';
import { quantise, triangleIndex, WEIGHT_SCALE } from './schedule-problem';
import { NewMeeting } from './schedules.repository';

/** Meetings of rounds ≥ fromRound0 (0-based) as rows (1-based rounds). */
export function toMeetingRows(
  result: ScheduleResult,
  fromRound0: number,
  explain: (ids: readonly string[]) => MeetingExplanation | null,
  keepLocked: boolean,
): NewMeeting[] {
  return result.rounds
    .filter((r) => r.round >= fromRound0)
    .flatMap((r) =>
      r.meetings.map((m) => ({
        round: r.round + 1,
        tableNumber: m.table,
        participantIds: [...m.participantIds],
        score: m.score,
        explanation: explain(m.participantIds),
        locked: keepLocked ? !!m.locked : false,
      })),
    );
}

/** A meeting's score from the stored pair weights (the sum over the pairs at the table). */
export function meetingScore(w: StoredWeights, ids: readonly string[]): number {
  const slot = new Map(w.ids.map((id, i) => [id, i]));
  let total = 0;
  for (const [a, b] of pairsIn(ids)) {
    const i = slot.get(a);
    const j = slot.get(b);
    if (i !== undefined && j !== undefined)
      total += (w.weights[triangleIndex(w.ids.length, i, j)] ?? 0) / WEIGHT_SCALE;
  }
  return quantise(total) / WEIGHT_SCALE;
}

export function pairsIn(ids: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i], ids[j]]);
  return out;
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The explanations already stored on meetings, by pair. */
export function explanationIndex(meetings: readonly MeetingEntity[]) {
  const out = new Map<string, MeetingExplanation['pairs'][number]>();
  for (const m of meetings)
    for (const pair of m.explanation?.pairs ?? []) out.set(pairKey(pair.a, pair.b), pair);
  return out;
}
