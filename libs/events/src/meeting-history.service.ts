import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventEntity } from './entities/event.entity';
import { roundTimes } from './event-clock';
import { EventStatus } from './event-enums';

/** Two actors who sat at the same table, as [smaller id, larger id]. */
export type MetPair = readonly [string, string];

/** Fields of an event the meeting history needs: its state and its clock. */
export type HeldEventClock = Pick<
  EventEntity,
  'status' | 'startsAt' | 'rounds' | 'roundMinutes' | 'changeMinutes' | 'pauses'
>;

/** No upper bound: every round of a closed event counts (the largest PostgreSQL integer). */
const ALL_ROUNDS = 2_147_483_647;

/**
 * The last (1-based) round that took place by `now`: every round of a CLOSED event, the rounds
 * already started (per the event clock, pauses included) of a LIVE one, none otherwise.
 */
export function roundsHeld(event: HeldEventClock, now: Date): number {
  if (event.status === EventStatus.CLOSED) return ALL_ROUNDS;
  if (event.status !== EventStatus.LIVE) return 0;
  // Round start times never decrease, so the started rounds are a prefix.
  return roundTimes(event).filter((t) => t.startsAt.getTime() <= now.getTime()).length;
}

/**
 * Who already met whom at a speed-meeting event, for the scoring's novelty penalty. A meeting
 * counts when its schedule is the event's PUBLISHED one (drafts never happened; an ARCHIVED
 * version was replaced, and a re-pairing publishes a version repeating the rounds already held),
 * its event is LIVE or CLOSED, and the event is CLOSED or the meeting's round has started
 * (`roundsHeld`, the event clock). A table of 3–6 seats counts as every pair at the table having
 * met. Feedback (no-shows) is not consulted: a scheduled meeting of a started round is taken as held.
 */
@Injectable()
export class MeetingHistoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Every pair, or those touching one of `actorIds`; sorted, each pair as [smaller id, larger id].
   * `organisationIds`: only the events these organisations ran (what a lab may know), null for all.
   */
  async metBeforePairs(
    actorIds: readonly string[] | null = null,
    now = new Date(),
    organisationIds: readonly string[] | null = null,
  ): Promise<MetPair[]> {
    if (actorIds !== null && actorIds.length === 0) return [];
    if (organisationIds !== null && organisationIds.length === 0) return [];
    const played = (
      (await this.db.query(
        `SELECT s.id AS schedule_id, e.status, e.starts_at, e.rounds, e.round_minutes, e.change_minutes, e.pauses
         FROM schedules s JOIN events e ON e.id = s.event_id
         WHERE s.status = 'PUBLISHED' AND e.status IN ('LIVE', 'CLOSED')
           AND ($1::uuid[] IS NULL OR e.organisation_id = ANY($1::uuid[]))`,
        [organisationIds === null ? null : [...organisationIds]],
      )) as PlayedRow[]
    )
      .map((r) => ({ scheduleId: r.schedule_id, through: roundsHeld(toClock(r), now) }))
      .filter((x) => x.through > 0);
    if (played.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT DISTINCT x.id AS a, y.id AS b
       FROM unnest($1::uuid[], $2::int[]) AS played(schedule_id, through_round)
       JOIN meetings m ON m.schedule_id = played.schedule_id AND m.round <= played.through_round
       CROSS JOIN LATERAL unnest(m.participant_ids) AS x(id)
       CROSS JOIN LATERAL unnest(m.participant_ids) AS y(id)
       WHERE x.id < y.id
         AND ($3::text[] IS NULL OR x.id = ANY($3::text[]) OR y.id = ANY($3::text[]))
       ORDER BY a, b`,
      [
        played.map((x) => x.scheduleId),
        played.map((x) => x.through),
        actorIds === null ? null : [...new Set(actorIds)],
      ],
    )) as { a: string; b: string }[];
    return rows.map((r) => [r.a, r.b] as const);
  }
}

interface PlayedRow {
  schedule_id: string;
  status: EventStatus;
  starts_at: Date;
  rounds: number;
  round_minutes: number;
  change_minutes: number;
  pauses: EventEntity['pauses'];
}

function toClock(r: PlayedRow): HeldEventClock {
  return {
    status: r.status,
    startsAt: r.starts_at,
    rounds: r.rounds,
    roundMinutes: r.round_minutes,
    changeMinutes: r.change_minutes,
    pauses: r.pauses,
  };
}
