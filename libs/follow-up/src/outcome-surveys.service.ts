import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Action, Principal, assertAllowed } from '@maillage/auth';
import { localDate } from '@maillage/domain';
import { EventStatus, EventsService, MeetingOutcome } from '@maillage/events';
import { FOLLOW_UP_ERRORS } from './follow-up.errors';
import { OutboxService } from '@maillage/outbox';
import { SchedulesRepository } from '@maillage/schedules';
import { allianceFromEvent } from './alliance-from-event';
import { OutcomeSurveyInput } from './dto/follow-up.inputs';
import { OutcomeSurveyEntity } from './entities/outcome-survey.entity';
import { OutcomeSurvey, SurveyDue } from './models/follow-up.models';
import { PlayedMeetingsService, presence } from './played-meetings.service';

/** The outcome survey is due this many months after the event. */
export const SURVEY_DELAY_MONTHS = 6;
const MAX_DUE = 500;

/** The six-month outcome surveys: recording them, and the meeting pairs whose survey is due. */
@Injectable()
export class OutcomeSurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly schedules: SchedulesRepository,
    private readonly played: PlayedMeetingsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Records (or updates) the survey of one meeting pair. An AGREEMENT also writes the alliance's
   * outbox row in the same transaction (same dedupe key as feedback: one alliance per pair and form).
   */
  async record(p: Principal, input: OutcomeSurveyInput): Promise<OutcomeSurvey> {
    const { meeting, event, partnerId } = await this.played.find(p, input, 'record an outcome survey');
    if (partnerId === null)
      throw FOLLOW_UP_ERRORS.badField(
        'at a table, name the partner the outcome is with',
        ['input', 'partnerId'],
        'required',
      );
    if (input.allianceFormed && input.outcome !== MeetingOutcome.AGREEMENT)
      throw FOLLOW_UP_ERRORS.badField(
        'an alliance needs the AGREEMENT outcome',
        ['input', 'allianceFormed'],
        'contradiction',
      );
    const surveyedAt = input.surveyedAt ?? new Date();
    if (surveyedAt.getTime() > Date.now() + 60_000)
      throw FOLLOW_UP_ERRORS.badField('cannot be in the future', ['input', 'surveyedAt'], 'in_future');
    if (surveyedAt.getTime() < event.startsAt.getTime())
      throw FOLLOW_UP_ERRORS.badField('cannot be before the event', ['input', 'surveyedAt'], 'before_event');
    const [a, b] = input.actorId < partnerId ? [input.actorId, partnerId] : [partnerId, input.actorId];

    const saved = await this.outbox.transaction(async (m, writeOutbox) => {
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
        await writeOutbox(
          allianceFromEvent({
            eventId: event.id,
            meetingId: meeting.id,
            a,
            b,
            form: input.allianceForm ?? event.allianceForm,
            since: localDate(event.startsAt, event.timeZone),
          }),
        );
      }
      return m.findOneOrFail(OutcomeSurveyEntity, { where: { id: row.id } });
    });
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
      : (await this.events.heldIdsStartedMonthsAgo(p.organisationId, SURVEY_DELAY_MONTHS, now)).map((id) => ({
          id,
        }));
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
}

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
