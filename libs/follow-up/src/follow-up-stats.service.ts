import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Action, Principal, Role, assertAllowed } from '@maillage/auth';
import { EventEntity, EventStatus, EventsService, checkUuid } from '@maillage/events';
import { OutboxService } from '@maillage/outbox';
import { SchedulesRepository } from '@maillage/schedules';
import { ALLIANCE_FROM_EVENT } from './alliance-from-event';
import { EventStats, LabStats } from './models/follow-up.models';
import { presence } from './played-meetings.service';
import { FOLLOW_UP_ERRORS } from './follow-up.errors';

/** Statistics after the day: per event, and summed over a lab's events. */
@Injectable()
export class FollowUpStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly schedules: SchedulesRepository,
    private readonly outbox: OutboxService,
  ) {}

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
    // Feedback on any schedule version of the event (the schedules lib knows which meetings).
    const meetingIds = await this.schedules.meetingIdsOfEvent(event.id);
    const [fb] = (await this.dataSource.query(
      `SELECT count(*)::int AS n, avg(f.rating)::float AS avg,
         count(*) FILTER (WHERE f.wants_follow_up)::int AS follow_ups,
         count(DISTINCT f.meeting_id) FILTER (WHERE f.outcome IN ('CONTACT','NEGOTIATION','AGREEMENT'))::int AS contacts,
         count(DISTINCT f.meeting_id) FILTER (WHERE f.outcome IN ('NEGOTIATION','AGREEMENT'))::int AS negotiations,
         count(DISTINCT LEAST(f.actor_id, f.partner_id) || '|' || GREATEST(f.actor_id, f.partner_id))
           FILTER (WHERE f.outcome = 'AGREEMENT')::int AS agreements
       FROM feedback f WHERE f.meeting_id = ANY($1::uuid[])`,
      [meetingIds],
    )) as {
      n: number;
      avg: number | null;
      follow_ups: number;
      contacts: number;
      negotiations: number;
      agreements: number;
    }[];
    const alliances = await this.outbox.progress(ALLIANCE_FROM_EVENT, 'eventId', event.id);
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
      alliancesRecorded: alliances.done,
      alliancesPending: alliances.pending,
    };
  }

  /**
   * Every pair that met at one of a lab's events and has a follow-up (feedback or six-month
   * survey), with whether it reached an agreement (a participant's feedback says AGREEMENT, or the
   * survey says AGREEMENT or that an alliance was formed) and the mean rating. Pairs as [a < b].
   * No access check: the caller (outcome learning) checks the organiser's right.
   */
  async outcomePairs(
    organisationId: string,
  ): Promise<{ a: string; b: string; agreed: boolean; rating: number | null }[]> {
    const events = await this.events.findByOrganisation(organisationId);
    const meetingIds = (await Promise.all(events.map((e) => this.schedules.meetingIdsOfEvent(e.id)))).flat();
    if (meetingIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `WITH f AS (
         SELECT LEAST(actor_id, partner_id) AS a, GREATEST(actor_id, partner_id) AS b,
           rating, outcome = 'AGREEMENT' AS agreed
         FROM feedback WHERE meeting_id = ANY($1::uuid[]) AND partner_id IS NOT NULL),
       s AS (
         SELECT actor_a AS a, actor_b AS b, NULL::int AS rating,
           (outcome = 'AGREEMENT' OR alliance_formed) AS agreed
         FROM outcome_surveys WHERE meeting_id = ANY($1::uuid[]))
       SELECT a, b, bool_or(agreed) AS agreed, avg(rating)::float AS rating
       FROM (SELECT * FROM f UNION ALL SELECT * FROM s) x
       GROUP BY a, b ORDER BY a, b`,
      [meetingIds],
    )) as { a: string; b: string; agreed: boolean; rating: number | null }[];
    return rows;
  }

  /** eventStats summed over every event of a lab: its organisers and platform admins. */
  async labStats(p: Principal, organisationId: string): Promise<LabStats> {
    assertAllowed(p, Action.EVENT_MANAGE);
    if (p.role !== Role.ADMIN && p.organisationId !== organisationId)
      throw FOLLOW_UP_ERRORS.forbidden('Statistics of another organisation', {
        field: ['organisationId'],
        reason: 'not_event_organiser',
      });
    checkUuid(organisationId, ['organisationId'], 'Organisation');
    const events = await this.events.findByOrganisation(organisationId);
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
      const s = await this.statsFor(event);
      for (const key of SUMMED) total[key] += s[key];
      if (s.averageRating !== null) ratingSum += s.averageRating * s.feedbackCount;
    }
    total.averageRating = total.feedbackCount
      ? Math.round((ratingSum / total.feedbackCount) * 100) / 100
      : null;
    const [sv] = (await this.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE alliance_formed)::int AS formed
       FROM outcome_surveys WHERE event_id = ANY($1::uuid[])`,
      [events.map((e) => e.id)],
    )) as { n: number; formed: number }[];
    total.surveys = sv.n;
    total.alliancesFormed = sv.formed;
    return total;
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
