import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@maillage/common';
import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import { ActorsService } from '@maillage/actors';
import { badInput } from '@maillage/events';
import { ShowcaseActor, ShowcaseAlliance } from './models/follow-up.models';

/** Showcase: agreements whose participants rated the meeting at least this on average. */
export const SHOWCASE_MIN_RATING = 4;

/** The public showcase of alliances born at events. */
@Injectable()
export class ShowcaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorsService,
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
      throw badInput('must be between 1 and 50', ['limit'], 'out_of_range');
    const rows = (await this.dataSource.query(
      `WITH agreed AS (
         SELECT s.event_id, LEAST(f.actor_id, f.partner_id) AS a, GREATEST(f.actor_id, f.partner_id) AS b
         FROM feedback f JOIN meetings m ON m.id = f.meeting_id JOIN schedules s ON s.id = m.schedule_id
         WHERE f.outcome = 'AGREEMENT' AND f.partner_id IS NOT NULL AND s.status = 'PUBLISHED'
         UNION
         SELECT event_id, actor_a, actor_b FROM outcome_surveys WHERE outcome = 'AGREEMENT'
       ), rated AS (
         SELECT g.event_id, g.a, g.b,
           (SELECT avg(f.rating)::float FROM feedback f JOIN meetings m ON m.id = f.meeting_id
              JOIN schedules s ON s.id = m.schedule_id
            WHERE s.event_id = g.event_id AND s.status = 'PUBLISHED'
              AND ((f.actor_id = g.a AND f.partner_id = g.b) OR (f.actor_id = g.b AND f.partner_id = g.a))
           ) AS rating,
           EXISTS (SELECT 1 FROM outcome_surveys o WHERE o.event_id = g.event_id AND o.actor_a = g.a
                     AND o.actor_b = g.b AND o.alliance_formed) AS confirmed
         FROM agreed g
       )
       SELECT r.a, r.b, r.rating, r.confirmed, e.title, to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month
       FROM rated r JOIN events e ON e.id = r.event_id
       WHERE (r.confirmed OR r.rating >= $1) AND ($3::uuid IS NULL OR e.organisation_id = $3::uuid)
       ORDER BY r.confirmed DESC, r.rating DESC NULLS LAST, e.starts_at DESC, r.a, r.b
       LIMIT $2`,
      [SHOWCASE_MIN_RATING, limit * 3, p.role === Role.ADMIN ? null : p.organisationId],
    )) as { a: string; b: string; rating: number | null; confirmed: boolean; title: string; month: string }[];
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
}
