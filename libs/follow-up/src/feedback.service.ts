import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@maillage/auth';
import { JobName, JobsService } from '@maillage/jobs';
import { FeedbackInput } from './dto/event.inputs';
import { EventEntity } from './entities/event.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { RegistrationEntity } from './entities/registration.entity';
import { assertManagesOrIs } from './event-access';
import { EventStatus, MeetingOutcome, ScheduleStatus } from './event-enums';
import { assertStatus, badInput, checkUuid, notFound } from './events.errors';
import { EventsService } from './events.service';
import { EventStats, Feedback } from './models/event.models';
import { ALLIANCE_FROM_EVENT, AllianceFromEventPayload, allianceDedupeKey } from './outbox';
import { SchedulesRepository } from './schedules.repository';

/** Follow-up: feedback per meeting and participant, agreements relayed to the graph, statistics. */
@Injectable()
export class FeedbackService {
  private readonly logger = new Logger(FeedbackService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly schedules: SchedulesRepository,
    private readonly jobs: JobsService,
  ) {}

  /**
   * The meeting a follow-up refers to, checked: it was played (published schedule, event live or
   * closed), the caller manages the event or is the participant, and the actor (and partner) sat
   * there. Shared by feedback and the six-month outcome survey.
   */
  async playedMeeting(
    p: Principal,
    input: { meetingId: string; actorId: string; partnerId?: string | null },
    action: string,
  ) {
    checkUuid(input.meetingId, ['input', 'meetingId'], 'Meeting');
    const meeting = await this.schedules.findMeeting(input.meetingId);
    const schedule = meeting && (await this.schedules.findById(meeting.scheduleId));
    if (!meeting || !schedule) throw notFound('Meeting', input.meetingId, ['input', 'meetingId']);
    const event = await this.events.load(schedule.eventId, ['input', 'meetingId']);
    assertManagesOrIs(p, event, input.actorId, ['input', 'actorId']);
    assertStatus(event.status, [EventStatus.LIVE, EventStatus.CLOSED], action, ['input', 'meetingId']);
    if (schedule.status !== ScheduleStatus.PUBLISHED)
      throw badInput(
        'this meeting belongs to a schedule that was not played',
        ['input', 'meetingId'],
        'not_published',
      );
    if (!meeting.participantIds.includes(input.actorId))
      throw badInput('this actor was not at this meeting', ['input', 'actorId'], 'not_in_meeting');
    const others = meeting.participantIds.filter((id) => id !== input.actorId);
    const partnerId = input.partnerId ?? (others.length === 1 ? others[0] : null);
    if (partnerId !== null && !others.includes(partnerId))
      throw badInput('this actor was not at this meeting', ['input', 'partnerId'], 'not_in_meeting');
    return { meeting, schedule, event, partnerId };
  }

  /**
   * Records (or updates) one participant's feedback. An AGREEMENT also writes an outbox row in
   * the SAME transaction: the alliance reaches Neo4j through the relay even if Neo4j is down now.
   */
  async record(p: Principal, input: FeedbackInput): Promise<Feedback> {
    const { meeting, event, partnerId } = await this.playedMeeting(p, input, 'record feedback');
    if (partnerId === null && input.outcome !== MeetingOutcome.NONE)
      throw badInput('at a table, name the partner the outcome is with', ['input', 'partnerId'], 'required');

    const saved = await this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO feedback (meeting_id, actor_id, partner_id, rating, wants_follow_up, outcome)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (meeting_id, actor_id) DO UPDATE SET partner_id = EXCLUDED.partner_id,
           rating = EXCLUDED.rating, wants_follow_up = EXCLUDED.wants_follow_up,
           outcome = EXCLUDED.outcome, updated_at = now()
         RETURNING id`,
        [meeting.id, input.actorId, partnerId, input.rating, input.wantsFollowUp, input.outcome],
      )) as { id: string }[];
      if (input.outcome === MeetingOutcome.AGREEMENT && partnerId) {
        const payload: AllianceFromEventPayload = {
          eventId: event.id,
          meetingId: meeting.id,
          a: input.actorId,
          b: partnerId,
          form: input.allianceForm ?? event.allianceForm,
          since: event.startsAt.toISOString().slice(0, 10),
        };
        await m.query(
          `INSERT INTO outbox (kind, dedupe_key, payload) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (dedupe_key) DO NOTHING`,
          [ALLIANCE_FROM_EVENT, allianceDedupeKey(payload), JSON.stringify(payload)],
        );
      }
      return m.findOneOrFail(FeedbackEntity, { where: { id: row.id } });
    });
    if (input.outcome === MeetingOutcome.AGREEMENT) {
      // Committed already: if Redis is down the row waits for the next relay (each worker start runs one).
      await this.jobs.enqueue(JobName.RELAY_OUTBOX, {}).catch((err: Error) => {
        this.logger.warn(`could not enqueue the outbox relay: ${err.name}`);
      });
    }
    return toFeedback(saved);
  }

  async stats(p: Principal, eventId: string): Promise<EventStats> {
    return this.statsFor(await this.events.managed(p, eventId));
  }

  /** Statistics of one event (no access check: callers decide who may see them). */
  async statsFor(event: EventEntity): Promise<EventStats> {
    const regs = await this.events.findRegistrations(event.id);
    const schedule = await this.schedules.published(event.id);
    const meetings = schedule ? await this.schedules.meetingsOf(schedule.id) : [];
    const live = event.status === EventStatus.LIVE || event.status === EventStatus.CLOSED;
    const present = presence(regs);
    const held = live
      ? meetings.filter((m) => m.participantIds.every((id) => present(id, m.round))).length
      : 0;
    const [fb] = (await this.dataSource.query(
      `SELECT count(*)::int AS n, avg(f.rating)::float AS avg,
         count(*) FILTER (WHERE f.wants_follow_up)::int AS follow_ups,
         count(DISTINCT f.meeting_id) FILTER (WHERE f.outcome IN ('CONTACT','NEGOTIATION','AGREEMENT'))::int AS contacts,
         count(DISTINCT f.meeting_id) FILTER (WHERE f.outcome IN ('NEGOTIATION','AGREEMENT'))::int AS negotiations,
         count(DISTINCT LEAST(f.actor_id, f.partner_id) || '|' || GREATEST(f.actor_id, f.partner_id))
           FILTER (WHERE f.outcome = 'AGREEMENT')::int AS agreements
       FROM feedback f JOIN meetings m ON m.id = f.meeting_id JOIN schedules s ON s.id = m.schedule_id
       WHERE s.event_id = $1`,
      [event.id],
    )) as {
      n: number;
      avg: number | null;
      follow_ups: number;
      contacts: number;
      negotiations: number;
      agreements: number;
    }[];
    const [ob] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NOT NULL)::int AS done,
              count(*) FILTER (WHERE processed_at IS NULL)::int AS pending
       FROM outbox WHERE kind = $1 AND payload->>'eventId' = $2`,
      [ALLIANCE_FROM_EVENT, event.id],
    )) as { done: number; pending: number }[];
    return {
      eventId: event.id,
      participants: regs.length,
      checkedIn: regs.filter((r) => r.checkedIn).length,
      noShows: regs.filter((r) => r.noShow).length,
      plannedMeetings: meetings.length,
      heldMeetings: held,
      feedbackCount: fb.n,
      averageRating: fb.avg === null ? null : Math.round(fb.avg * 100) / 100,
      followUps: fb.follow_ups,
      contacts: fb.contacts,
      negotiations: fb.negotiations,
      agreements: fb.agreements,
      alliancesRecorded: ob.done,
      alliancesPending: ob.pending,
    };
  }
}

/** Whether a participant was there in a (1-based) round: not yet gone, and already arrived. */
export function presence(
  regs: readonly Pick<RegistrationEntity, 'actorId' | 'absentFromRound' | 'presentFromRound'>[],
): (actorId: string, round: number) => boolean {
  const byId = new Map(regs.map((r) => [r.actorId, r]));
  return (actorId, round) => {
    const r = byId.get(actorId);
    if (!r) return true;
    return (r.absentFromRound === null || round < r.absentFromRound) && round >= (r.presentFromRound ?? 1);
  };
}

function toFeedback(f: FeedbackEntity): Feedback {
  return {
    id: f.id,
    meetingId: f.meetingId,
    actorId: f.actorId,
    partnerId: f.partnerId,
    rating: f.rating,
    wantsFollowUp: f.wantsFollowUp,
    outcome: f.outcome,
  };
}
