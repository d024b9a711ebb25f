import { Injectable } from '@nestjs/common';

import { Principal } from '@maillage/auth';
import { EventsService, ScheduleStatus, assertManages, checkUuid, notFound } from '@maillage/events';
import { HARD_VIOLATIONS, SCHEDULE_ERRORS, HardViolation } from './schedules.errors';
import { Violation, checkSchedule } from '@maillage/schedule-model';
import { SwapParticipantsInput } from './dto/schedule.inputs';
import { MeetingEntity, MeetingExplanation } from './entities/meeting.entity';
import { Meeting, Schedule } from './models/schedule.models';
import { PairWeightsService } from './pair-weights.service';
import { meetingScore } from './schedule-meetings';
import { buildScheduleProblem, toScheduleResult } from './schedule-problem';
import { toMeetingModel } from './schedule-view';
import { ScheduleViewsService } from './schedule-views.service';
import { SchedulesRepository } from './schedules.repository';

/** Checker findings a manual swap may not introduce (HARD_VIOLATIONS, each a declared reason). */
const HARD = new Set<Violation['kind']>(HARD_VIOLATIONS);
const isHard = (v: Violation): v is Violation & { kind: HardViolation } => HARD.has(v.kind);

/** Review of a draft by hand before publication: locking meetings, swapping participants. */
@Injectable()
export class ScheduleReviewService {
  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly weights: PairWeightsService,
    private readonly views: ScheduleViewsService,
  ) {}

  async lockMeeting(p: Principal, meetingId: string, locked: boolean): Promise<Meeting> {
    const { meeting, schedule } = await this.meetingForReview(p, meetingId);
    if (schedule.status === ScheduleStatus.ARCHIVED)
      throw SCHEDULE_ERRORS.conflict('This schedule version is archived', {
        field: ['meetingId'],
        reason: 'archived',
      });
    await this.repo.meetings.update({ id: meeting.id }, { locked });
    const names = await this.events.names(meeting.participantIds);
    return toMeetingModel({ ...meeting, locked }, names);
  }

  /**
   * Exchanges two participants' seats in one round of a draft (a participant on a break takes the
   * other's seat). Refused when it breaks a hard rule (pair meeting twice, must-not-meet, allied
   * pair, same side, unavailability), checked by the independent checker.
   */
  async swap(p: Principal, input: SwapParticipantsInput): Promise<Schedule> {
    checkUuid(input.scheduleId, ['input', 'scheduleId'], 'Schedule');
    const schedule = await this.repo.findById(input.scheduleId);
    if (!schedule) throw notFound('Schedule', input.scheduleId, ['input', 'scheduleId']);
    const event = await this.events.load(schedule.eventId, ['input', 'scheduleId']);
    assertManages(p, event, ['input', 'scheduleId']);
    if (schedule.status !== ScheduleStatus.DRAFT)
      throw SCHEDULE_ERRORS.conflict('Only a draft schedule can be edited; re-pair a published one', {
        field: ['input', 'scheduleId'],
        reason: 'not_draft',
      });
    if (input.round > event.rounds)
      throw SCHEDULE_ERRORS.badField(
        `the event has ${event.rounds} rounds`,
        ['input', 'round'],
        'round_out_of_range',
      );
    if (input.actorA === input.actorB)
      throw SCHEDULE_ERRORS.badField('swap two different participants', ['input', 'actorB'], 'same_actor');
    const meetings = await this.repo.meetingsOf(schedule.id);
    const inRound = meetings.filter((m) => m.round === input.round);
    const seatOf = (id: string) => inRound.find((m) => m.participantIds.includes(id));
    const ma = seatOf(input.actorA);
    const mb = seatOf(input.actorB);
    const regs = await this.events.findRegistrations(event.id);
    const registered = new Set(regs.map((r) => r.actorId));
    for (const [key, id] of [
      ['actorA', input.actorA],
      ['actorB', input.actorB],
    ] as const) {
      if (!registered.has(id))
        throw SCHEDULE_ERRORS.badField('not a participant of this event', ['input', key], 'not_registered');
    }
    if (!ma && !mb)
      throw SCHEDULE_ERRORS.badField(
        'neither participant has a meeting in this round',
        ['input', 'round'],
        'nothing_to_swap',
      );
    if (ma === mb)
      throw SCHEDULE_ERRORS.badField(
        'both sit at the same table already',
        ['input', 'actorB'],
        'same_meeting',
      );
    if (ma?.locked || mb?.locked)
      throw SCHEDULE_ERRORS.conflict('A locked meeting cannot change; unlock it first', {
        field: ['input'],
        reason: 'locked',
      });
    const replace = (m: MeetingEntity | undefined, from: string, to: string) => {
      if (m) m.participantIds = m.participantIds.map((id) => (id === from ? to : id));
    };
    replace(ma, input.actorA, input.actorB);
    replace(mb, input.actorB, input.actorA);
    const changed = [ma, mb].filter((m): m is MeetingEntity => !!m);
    const problem = buildScheduleProblem(event, regs, schedule.pairWeights);
    for (const m of changed) {
      m.score = meetingScore(schedule.pairWeights, m.participantIds);
      m.explanation = await this.explainOrNull(m.participantIds, event.organisationId, m.explanation);
    }
    const result = toScheduleResult(problem, meetings, schedule.algorithm);
    const violations = checkSchedule(problem, result).filter(isHard);
    if (violations.length) {
      throw SCHEDULE_ERRORS.badInput(`Swap refused: ${violations[0].message}`, {
        field: ['input'],
        reason: violations[0].kind,
        problems: violations.map((v) => ({ field: ['input'], reason: v.kind, message: v.message })),
      });
    }
    await this.repo.saveSwap(schedule, changed, result.totalScore);
    return this.views.view(event, { ...schedule, totalScore: result.totalScore });
  }

  private async meetingForReview(p: Principal, meetingId: string) {
    checkUuid(meetingId, ['meetingId'], 'Meeting');
    const meeting = await this.repo.findMeeting(meetingId);
    if (!meeting) throw notFound('Meeting', meetingId, ['meetingId']);
    const schedule = await this.repo.findById(meeting.scheduleId);
    if (!schedule) throw notFound('Meeting', meetingId, ['meetingId']);
    const event = await this.events.load(schedule.eventId, ['meetingId']);
    assertManages(p, event, ['meetingId']);
    return { meeting, schedule, event };
  }

  private async explainOrNull(
    ids: readonly string[],
    organisationId: string,
    fallback: MeetingExplanation | null,
  ): Promise<MeetingExplanation | null> {
    try {
      return (await this.weights.forActors(ids, organisationId)).explain(ids);
    } catch {
      return fallback;
    }
  }
}
