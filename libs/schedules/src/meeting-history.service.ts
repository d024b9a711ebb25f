import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetBeforeSource } from '@maillage/scoring-population';
import { EventsService } from '@maillage/events';

/** Two actors who sat at the same table, as [smaller id, larger id]. */
export type MetPair = readonly [string, string];

/**
 * Who already met whom at a speed-meeting event, for the scoring's novelty penalty. A meeting
 * counts when its schedule is the event's PUBLISHED one (drafts never happened; an ARCHIVED
 * version was replaced, and a re-pairing publishes a version repeating the rounds already held),
 * its event is LIVE or CLOSED, and the event is CLOSED or the meeting's round has started
 * (`roundsHeld`, the event clock, asked of the events lib). A table of 3–6 seats counts as every
 * pair at the table having met. Feedback (no-shows) is not consulted: a scheduled meeting of a
 * started round is taken as held.
 */
@Injectable()
export class MeetingHistoryService implements MetBeforeSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
  ) {}

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
    const held = await this.events.roundsHeldByEvent(now, organisationIds);
    if (held.size === 0) return [];
    const rows = (await this.db.query(
      `SELECT DISTINCT x.id AS a, y.id AS b
       FROM unnest($1::uuid[], $2::int[]) AS played(event_id, through_round)
       JOIN schedules s ON s.event_id = played.event_id AND s.status = 'PUBLISHED'
       JOIN meetings m ON m.schedule_id = s.id AND m.round <= played.through_round
       CROSS JOIN LATERAL unnest(m.participant_ids) AS x(id)
       CROSS JOIN LATERAL unnest(m.participant_ids) AS y(id)
       WHERE x.id < y.id
         AND ($3::text[] IS NULL OR x.id = ANY($3::text[]) OR y.id = ANY($3::text[]))
       ORDER BY a, b`,
      [[...held.keys()], [...held.values()], actorIds === null ? null : [...new Set(actorIds)]],
    )) as { a: string; b: string }[];
    return rows.map((r) => [r.a, r.b] as const);
  }
}
