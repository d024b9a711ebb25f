import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@maillage/common';
import { localDate } from '@maillage/domain';
import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import { ActorsService } from '@maillage/actors';
import { EventsService } from '@maillage/events';
import { SchedulesRepository } from '@maillage/schedules';
import { FOLLOW_UP_ERRORS } from './follow-up.errors';
import { ShowcaseActor, ShowcaseAlliance } from './models/follow-up.models';

/** Showcase: agreements whose participants rated the meeting at least this on average. */
export const SHOWCASE_MIN_RATING = 4;

/** The public showcase of alliances born at events. */
@Injectable()
export class ShowcaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorsService,
    private readonly events: EventsService,
    private readonly schedules: SchedulesRepository,
  ) {}

  /**
   * Exemplary alliances born at events: pairs that reported an AGREEMENT rated SHOWCASE_MIN_RATING
   * or more on average, or confirmed by the survey. Organisations only (ids, names, kinds), never
   * representatives, comments or ratings by person; actors the caller may not see are left out,
   * and so are other labs' events (titles and ratings are theirs): admins see every lab's.
   */
  async showcase(p: Principal, limit: number): Promise<ShowcaseAlliance[]> {
    assertAllowed(p, Action.AUTHENTICATED_READ);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      throw FOLLOW_UP_ERRORS.badField('must be between 1 and 50', ['limit'], 'out_of_range');
    // A lab sees only its own events' alliances (admins: all), so no other lab's event leaks.
    const rows = await this.candidates(limit * 3, p.role === Role.ADMIN ? null : p.organisationId);
    const seen = new Map<string, ShowcaseActor | null>();
    const visible = async (id: string): Promise<ShowcaseActor | null> => {
      if (!seen.has(id)) {
        try {
          const actor = await this.actors.get(p, id);
          seen.set(id, { id: actor.id, name: actor.name, kind: actor.kind });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          seen.set(id, null);
        }
      }
      return seen.get(id) ?? null;
    };
    const out: ShowcaseAlliance[] = [];
    for (const r of rows) {
      const [a, b] = [await visible(r.a), await visible(r.b)];
      if (!a || !b) continue;
      out.push({
        actors: [a, b],
        eventTitle: r.title,
        eventMonth: r.month,
        averageRating: r.rating === null ? null : Math.round(r.rating * 100) / 100,
        confirmedBySurvey: r.confirmed,
      });
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * The best `take` agreed pairs, all events together: confirmed ones first, then by average
   * rating, newest event, ids. Feedback counts on meetings of a PUBLISHED schedule only. This lib
   * reads its own tables (feedback, outcome_surveys); which meetings were played and the events'
   * titles and dates come from libs/schedules and libs/events, in one batched call each, and are
   * joined in as arrays, so the query keeps PostgreSQL's ordering and averaging.
   */
  private async candidates(take: number, organisationId: string | null): Promise<ShowcaseRow[]> {
    const [meetings, surveyed] = await Promise.all([
      // Meetings with feedback on a pair that agreed somewhere: their agreements and ratings.
      this.dataSource.query(
        `WITH pairs AS (
           SELECT LEAST(actor_id, partner_id) AS a, GREATEST(actor_id, partner_id) AS b
           FROM feedback WHERE outcome = 'AGREEMENT' AND partner_id IS NOT NULL
           UNION
           SELECT actor_a, actor_b FROM outcome_surveys WHERE outcome = 'AGREEMENT'
         )
         SELECT DISTINCT f.meeting_id FROM feedback f JOIN pairs p
           ON (f.actor_id = p.a AND f.partner_id = p.b) OR (f.actor_id = p.b AND f.partner_id = p.a)`,
      ) as Promise<{ meeting_id: string }[]>,
      this.dataSource.query(
        `SELECT DISTINCT event_id FROM outcome_surveys WHERE outcome = 'AGREEMENT'`,
      ) as Promise<{ event_id: string }[]>,
    ]);
    if (meetings.length === 0 && surveyed.length === 0) return [];
    const played = await this.schedules.publishedMeetingEvents(meetings.map((m) => m.meeting_id));
    const events = await this.events.findByIds(
      [...played.map((m) => m.eventId), ...surveyed.map((s) => s.event_id)],
      organisationId,
    );
    return (await this.dataSource.query(
      `WITH played AS (
         SELECT * FROM unnest($3::uuid[], $4::uuid[]) AS p(meeting_id, event_id)
       ), ev AS (
         SELECT * FROM unnest($5::uuid[], $6::text[], $7::timestamptz[], $8::text[]) AS e(id, title, starts_at, month)
       ), agreed AS (
         SELECT p.event_id, LEAST(f.actor_id, f.partner_id) AS a, GREATEST(f.actor_id, f.partner_id) AS b
         FROM feedback f JOIN played p ON p.meeting_id = f.meeting_id
         WHERE f.outcome = 'AGREEMENT' AND f.partner_id IS NOT NULL
         UNION
         SELECT event_id, actor_a, actor_b FROM outcome_surveys WHERE outcome = 'AGREEMENT'
       ), rated AS (
         SELECT g.event_id, g.a, g.b,
           (SELECT avg(f.rating)::float FROM feedback f JOIN played p ON p.meeting_id = f.meeting_id
            WHERE p.event_id = g.event_id
              AND ((f.actor_id = g.a AND f.partner_id = g.b) OR (f.actor_id = g.b AND f.partner_id = g.a))
           ) AS rating,
           EXISTS (SELECT 1 FROM outcome_surveys o WHERE o.event_id = g.event_id AND o.actor_a = g.a
                     AND o.actor_b = g.b AND o.alliance_formed) AS confirmed
         FROM agreed g
       )
       SELECT r.a, r.b, r.rating, r.confirmed, e.title, e.month
       FROM rated r JOIN ev e ON e.id = r.event_id
       WHERE r.confirmed OR r.rating >= $1
       ORDER BY r.confirmed DESC, r.rating DESC NULLS LAST, e.starts_at DESC, r.a, r.b
       LIMIT $2`,
      [
        SHOWCASE_MIN_RATING,
        take,
        played.map((m) => m.meetingId),
        played.map((m) => m.eventId),
        events.map((e) => e.id),
        events.map((e) => e.title),
        events.map((e) => e.startsAt.toISOString()),
        // The month people saw on the event's own calendar (its time zone).
        events.map((e) => localDate(e.startsAt, e.timeZone).slice(0, 7)),
      ],
    )) as ShowcaseRow[];
  }
}

interface ShowcaseRow {
  a: string;
  b: string;
  rating: number | null;
  confirmed: boolean;
  title: string;
  month: string;
}
