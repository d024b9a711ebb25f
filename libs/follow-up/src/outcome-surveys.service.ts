import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ForbiddenError } from '@maillage/common';
import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import { ActorsService } from '@maillage/actors';
import { JobName, JobsService } from '@maillage/jobs';
import { OutcomeSurveyInput } from './dto/event.inputs';
import { EventEntity } from './entities/event.entity';
import { OutcomeSurveyEntity } from './entities/outcome-survey.entity';
import { EventStatus, MeetingOutcome } from './event-enums';
import { badInput, checkUuid } from './events.errors';
import { EventsService } from './events.service';
import { FeedbackService, presence } from './feedback.service';
import { LabStats, OutcomeSurvey, ShowcaseAlliance, ShowcaseActor, SurveyDue } from './models/event.models';
import { ALLIANCE_FROM_EVENT, AllianceFromEventPayload, allianceDedupeKey } from './outbox';
import { SchedulesRepository } from './schedules.repository';

/** The outcome survey is due this many months after the event. */
export const SURVEY_DELAY_MONTHS = 6;
/** Showcase: agreements whose participants rated the meeting at least this on average. */
export const SHOWCASE_MIN_RATING = 4;
const MAX_DUE = 500;

/** Follow-up after the day: six-month outcome surveys, per-lab statistics, the alliance showcase. */
@Injectable()
export class OutcomesService {
  private readonly logger = new Logger(OutcomesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly schedules: SchedulesRepository,
    private readonly feedback: FeedbackService,
    private readonly actors: ActorsService,
    private readonly jobs: JobsService,
  ) {}

  /**
   * Records (or updates) the survey of one meeting pair. An AGREEMENT also writes the alliance's
   * outbox row in the same transaction (same dedupe key as feedback: one alliance per pair and form).
   */
  async record(p: Principal, input: OutcomeSurveyInput): Promise<OutcomeSurvey> {
    const { meeting, event, partnerId } = await this.feedback.playedMeeting(
      p,
      input,
      'record an outcome survey',
    );
    if (partnerId === null)
      throw badInput('at a table, name the partner the outcome is with', ['input', 'partnerId'], 'required');
    if (input.allianceFormed && input.outcome !== MeetingOutcome.AGREEMENT)
      throw badInput('an alliance needs the AGREEMENT outcome', ['input', 'allianceFormed'], 'contradiction');
    const surveyedAt = input.surveyedAt ?? new Date();
    if (surveyedAt.getTime() > Date.now() + 60_000)
      throw badInput('cannot be in the future', ['input', 'surveyedAt'], 'in_future');
    if (surveyedAt.getTime() < event.startsAt.getTime())
      throw badInput('cannot be before the event', ['input', 'surveyedAt'], 'before_event');
    const [a, b] = input.actorId < partnerId ? [input.actorId, partnerId] : [partnerId, input.actorId];

    const saved = await this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO outcome_surveys (meeting_id, event_id, actor_a, actor_b, surveyed_at, outcome,
           alliance_formed, comment, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (meeting_id, actor_a, actor_b) DO UPDATE SET surveyed_at = EXCLUDED.surveyed_at,
           outcome = EXCLUDED.outcome, alliance_formed = EXCLUDED.alliance_formed,
           comment = EXCLUDED.comment, recorded_by = EXCLUDED.recorded_by, updated_at = now()
         RETURNING id`,
        [
          meeting.id,
          event.id,
          a,
          b,
          surveyedAt,
          input.outcome,
          input.allianceFormed,
          input.comment?.trim() || null,
          p.kind === 'user' ? p.userId : null,
        ],
      )) as { id: string }[];
      if (input.outcome === MeetingOutcome.AGREEMENT) {
        const payload: AllianceFromEventPayload = {
          eventId: event.id,
          meetingId: meeting.id,
          a,
          b,
          form: input.allianceForm ?? event.allianceForm,
          since: event.startsAt.toISOString().slice(0, 10),
        };
        await m.query(
          `INSERT INTO outbox (kind, dedupe_key, payload) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [ALLIANCE_FROM_EVENT, allianceDedupeKey(payload), JSON.stringify(payload)],
        );
      }
      return m.findOneOrFail(OutcomeSurveyEntity, { where: { id: row.id } });
    });
    if (input.outcome === MeetingOutcome.AGREEMENT) {
      await this.jobs.enqueue(JobName.RELAY_OUTBOX, {}).catch((err: Error) => {
        this.logger.warn(`could not enqueue the outbox relay: ${err.name}`);
      });
    }
    return toSurvey(saved);
  }

  /**
   * Meeting pairs of the caller's lab (or of one event) whose survey is due: the event took place
   * SURVEY_DELAY_MONTHS ago or more, both were there, and no survey is recorded yet. Oldest first.
   */
  async due(p: Principal, eventId?: string, now = new Date()): Promise<SurveyDue[]> {
    assertAllowed(p, Action.EVENT_MANAGE);
    const events = eventId
      ? [await this.events.managed(p, eventId)]
      : ((await this.dataSource.query(
          `SELECT id FROM events WHERE organisation_id = $1 AND status IN ('LIVE', 'CLOSED')
             AND starts_at + make_interval(months => $2) <= $3 ORDER BY starts_at, id`,
          [p.organisationId, SURVEY_DELAY_MONTHS, now],
        )) as { id: string }[]);
    const out: SurveyDue[] = [];
    for (const { id } of events) {
      const event = await this.events.load(id);
      const dueAt = addMonths(event.startsAt, SURVEY_DELAY_MONTHS);
      if (dueAt > now || ![EventStatus.LIVE, EventStatus.CLOSED].includes(event.status)) continue;
      const schedule = await this.schedules.published(event.id);
      if (!schedule) continue;
      const [meetings, regs, surveyed] = await Promise.all([
        this.schedules.meetingsOf(schedule.id),
        this.events.findRegistrations(event.id),
        this.dataSource.query(
          `SELECT meeting_id, actor_a, actor_b FROM outcome_surveys WHERE event_id = $1`,
          [event.id],
        ) as Promise<{ meeting_id: string; actor_a: string; actor_b: string }[]>,
      ]);
      const done = new Set(surveyed.map((s) => `${s.meeting_id}|${s.actor_a}|${s.actor_b}`));
      const present = presence(regs);
      const pairs: { meetingId: string; round: number; ids: [string, string] }[] = [];
      for (const m of meetings) {
        const there = m.participantIds.filter((id) => present(id, m.round)).sort();
        for (let i = 0; i < there.length; i++)
          for (let j = i + 1; j < there.length; j++)
            if (!done.has(`${m.id}|${there[i]}|${there[j]}`))
              pairs.push({ meetingId: m.id, round: m.round, ids: [there[i], there[j]] });
      }
      const names = await this.events.names(pairs.flatMap((x) => x.ids));
      for (const x of pairs) {
        out.push({
          meetingId: x.meetingId,
          eventId: event.id,
          eventTitle: event.title,
          eventDate: event.startsAt,
          dueAt,
          round: x.round,
          pair: x.ids.map((actorId) => ({ actorId, name: names.get(actorId) ?? null })),
        });
        if (out.length >= MAX_DUE) return out;
      }
    }
    return out;
  }

  /** eventStats summed over every event of a lab: its organisers and platform admins. */
  async labStats(p: Principal, organisationId: string): Promise<LabStats> {
    assertAllowed(p, Action.EVENT_MANAGE);
    if (p.role !== Role.ADMIN && p.organisationId !== organisationId)
      throw new ForbiddenError('Statistics of another organisation', {
        field: ['organisationId'],
        reason: 'not_event_organiser',
      });
    checkUuid(organisationId, ['organisationId'], 'Organisation');
    const events = await this.dataSource.getRepository(EventEntity).find({ where: { organisationId } });
    const total: LabStats = {
      organisationId,
      events: events.length,
      participants: 0,
      checkedIn: 0,
      noShows: 0,
      plannedMeetings: 0,
      heldMeetings: 0,
      feedbackCount: 0,
      averageRating: null,
      followUps: 0,
      contacts: 0,
      negotiations: 0,
      agreements: 0,
      alliancesRecorded: 0,
      alliancesPending: 0,
      surveys: 0,
      alliancesFormed: 0,
    };
    let ratingSum = 0;
    for (const event of events) {
      const s = await this.feedback.statsFor(event);
      for (const key of SUMMED) total[key] += s[key];
      if (s.averageRating !== null) ratingSum += s.averageRating * s.feedbackCount;
    }
    total.averageRating = total.feedbackCount
      ? Math.round((ratingSum / total.feedbackCount) * 100) / 100
      : null;
    const [sv] = (await this.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE s.alliance_formed)::int AS formed
       FROM outcome_surveys s JOIN events e ON e.id = s.event_id WHERE e.organisation_id = $1`,
      [organisationId],
    )) as { n: number; formed: number }[];
    total.surveys = sv.n;
    total.alliancesFormed = sv.formed;
    return total;
  }

  /**
   * Exemplary alliances born at events: pairs that reported an AGREEMENT rated SHOWCASE_MIN_RATING
   * or more on average, or confirmed by the survey. Organisations only (ids, names, kinds), never
   * representatives, comments or ratings by person; actors the caller may not see are left out.
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
       WHERE r.confirmed OR r.rating >= $1
       ORDER BY r.confirmed DESC, r.rating DESC NULLS LAST, e.starts_at DESC, r.a, r.b
       LIMIT $2`,
      [SHOWCASE_MIN_RATING, limit * 3],
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

const SUMMED = [
  'participants',
  'checkedIn',
  'noShows',
  'plannedMeetings',
  'heldMeetings',
  'feedbackCount',
  'followUps',
  'contacts',
  'negotiations',
  'agreements',
  'alliancesRecorded',
  'alliancesPending',
] as const;

function addMonths(d: Date, months: number): Date {
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
}

function toSurvey(s: OutcomeSurveyEntity): OutcomeSurvey {
  return {
    id: s.id,
    meetingId: s.meetingId,
    eventId: s.eventId,
    actorIds: [s.actorA, s.actorB],
    surveyedAt: s.surveyedAt,
    outcome: s.outcome,
    allianceFormed: s.allianceFormed,
    comment: s.comment,
  };
}
