import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThanOrEqual, Not, Repository } from 'typeorm';
import { EventStatus, ScheduleStatus, lockEventRow, moveEventStatus } from '@maillage/events';
import { MeetingEntity, MeetingExplanation } from './entities/meeting.entity';
import type { StoredFairnessBound } from '@maillage/schedule-objectives';
import { ScheduleEntity, StoredUnplaced, StoredWeights } from './entities/schedule.entity';

export interface NewMeeting {
  round: number;
  tableNumber: number;
  participantIds: string[];
  score: number;
  explanation: MeetingExplanation | null;
  locked: boolean;
}

export interface NewSchedule {
  eventId: string;
  jobRunId: string | null;
  algorithm: string;
  totalScore: number;
  upperBound: number | null;
  unplaced: StoredUnplaced[];
  pairWeights: StoredWeights;
  objective: 'SUM' | 'FAIRNESS';
  fairnessBound: StoredFairnessBound | null;
  meetings: NewMeeting[];
}

/** Schedules and their meetings in PostgreSQL; multi-row changes happen in one transaction. */
@Injectable()
export class SchedulesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ScheduleEntity) readonly schedules: Repository<ScheduleEntity>,
    @InjectRepository(MeetingEntity) readonly meetings: Repository<MeetingEntity>,
  ) {}

  findById(id: string): Promise<ScheduleEntity | null> {
    return this.schedules.findOne({ where: { id } });
  }

  findByJobRun(jobRunId: string): Promise<ScheduleEntity | null> {
    return this.schedules.findOne({ where: { jobRunId } });
  }

  /** The published schedule if any, else the latest draft (what the organiser works on). */
  async current(eventId: string, version?: number): Promise<ScheduleEntity | null> {
    if (version !== undefined) return this.schedules.findOne({ where: { eventId, version } });
    const published = await this.published(eventId);
    if (published) return published;
    return this.schedules.findOne({
      where: { eventId, status: ScheduleStatus.DRAFT },
      order: { version: 'DESC' },
    });
  }

  published(eventId: string): Promise<ScheduleEntity | null> {
    return this.schedules.findOne({ where: { eventId, status: ScheduleStatus.PUBLISHED } });
  }

  latestDraft(eventId: string): Promise<ScheduleEntity | null> {
    return this.schedules.findOne({
      where: { eventId, status: ScheduleStatus.DRAFT },
      order: { version: 'DESC' },
    });
  }

  meetingsOf(scheduleId: string): Promise<MeetingEntity[]> {
    return this.meetings.find({ where: { scheduleId }, order: { round: 'ASC', tableNumber: 'ASC' } });
  }

  findMeeting(id: string): Promise<MeetingEntity | null> {
    return this.meetings.findOne({ where: { id } });
  }

  /** Ids of the meetings of every schedule version of an event (drafts and archived ones too). */
  async meetingIdsOfEvent(eventId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.id FROM meetings m JOIN schedules s ON s.id = m.schedule_id WHERE s.event_id = $1`,
      [eventId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * The meetings among `meetingIds` that belong to a PUBLISHED schedule (the ones that were
   * played, whatever the event's state), each with its event. One query for any number of ids.
   */
  async publishedMeetingEvents(
    meetingIds: readonly string[],
  ): Promise<{ meetingId: string; eventId: string }[]> {
    if (meetingIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT m.id AS meeting_id, s.event_id FROM meetings m JOIN schedules s ON s.id = m.schedule_id
       WHERE m.id = ANY($1::uuid[]) AND s.status = 'PUBLISHED'`,
      [[...new Set(meetingIds)]],
    )) as { meeting_id: string; event_id: string }[];
    return rows.map((r) => ({ meetingId: r.meeting_id, eventId: r.event_id }));
  }

  /**
   * Saves a new draft version with its meetings; the event row is locked so concurrent generations
   * get distinct versions. The event moves to SCHEDULED when it was OPEN.
   */
  async saveNew(input: NewSchedule): Promise<ScheduleEntity> {
    return this.dataSource.transaction(async (m) => {
      await lockEventRow(m, input.eventId);
      const [{ next }] = (await m.query(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM schedules WHERE event_id = $1',
        [input.eventId],
      )) as { next: number }[];
      const schedule = await m.save(
        m.create(ScheduleEntity, {
          eventId: input.eventId,
          version: Number(next),
          status: ScheduleStatus.DRAFT,
          algorithm: input.algorithm,
          totalScore: input.totalScore,
          upperBound: input.upperBound,
          unplaced: input.unplaced,
          pairWeights: input.pairWeights,
          objective: input.objective,
          fairnessBound: input.fairnessBound,
          jobRunId: input.jobRunId,
        }),
      );
      await this.insertMeetings(m, schedule.id, input.meetings);
      await moveEventStatus(m, input.eventId, EventStatus.SCHEDULED, [EventStatus.OPEN]);
      return schedule;
    });
  }

  /** Replaces the meetings of rounds ≥ fromRound (live re-pairing), in one transaction. */
  async replaceFrom(
    schedule: ScheduleEntity,
    fromRound: number,
    meetings: NewMeeting[],
    summary: { totalScore: number; unplaced: StoredUnplaced[]; algorithm: string },
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.delete(MeetingEntity, { scheduleId: schedule.id, round: MoreThanOrEqual(fromRound) });
      await this.insertMeetings(m, schedule.id, meetings);
      await m.update(ScheduleEntity, { id: schedule.id }, { ...summary, repairedFromRound: fromRound });
      await moveEventStatus(m, schedule.eventId, EventStatus.LIVE, [EventStatus.PUBLISHED, EventStatus.LIVE]);
    });
  }

  /** Publishes one version: any previously published one is archived; the event becomes PUBLISHED. */
  async publish(schedule: ScheduleEntity): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.update(
        ScheduleEntity,
        { eventId: schedule.eventId, status: ScheduleStatus.PUBLISHED, id: Not(schedule.id) },
        { status: ScheduleStatus.ARCHIVED },
      );
      await m.update(
        ScheduleEntity,
        { id: schedule.id },
        { status: ScheduleStatus.PUBLISHED, publishedAt: new Date() },
      );
      await moveEventStatus(m, schedule.eventId, EventStatus.PUBLISHED);
    });
  }

  /** Writes the two meetings a swap touched and the new total, together. */
  async saveSwap(schedule: ScheduleEntity, changed: MeetingEntity[], totalScore: number): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      for (const meeting of changed) {
        await m.update(
          MeetingEntity,
          { id: meeting.id },
          { participantIds: meeting.participantIds, score: meeting.score, explanation: meeting.explanation },
        );
      }
      await m.update(ScheduleEntity, { id: schedule.id }, { totalScore });
    });
  }

  private async insertMeetings(m: EntityManager, scheduleId: string, meetings: NewMeeting[]): Promise<void> {
    // Chunks keep each INSERT well under PostgreSQL's parameter limit (1000 × 7 values).
    for (let i = 0; i < meetings.length; i += 1000) {
      await m.insert(
        MeetingEntity,
        meetings.slice(i, i + 1000).map((x) => ({ ...x, scheduleId })),
      );
    }
  }
}
