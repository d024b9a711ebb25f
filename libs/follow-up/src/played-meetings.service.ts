import { Injectable } from '@nestjs/common';
import { Principal } from '@maillage/auth';
import {
  EventStatus,
  EventsService,
  RegistrationEntity,
  ScheduleStatus,
  assertManagesOrIs,
  assertStatus,
  checkUuid,
  notFound,
} from '@maillage/events';
import { FOLLOW_UP_ERRORS } from './follow-up.errors';
import { SchedulesRepository } from '@maillage/schedules';

/** The meetings a follow-up may refer to: those that were played. */
@Injectable()
export class PlayedMeetingsService {
  constructor(
    private readonly events: EventsService,
    private readonly schedules: SchedulesRepository,
  ) {}

  /**
   * The meeting a follow-up refers to, checked: it was played (published schedule, event live or
   * closed), the caller manages the event or is the participant, and the actor (and partner) sat
   * there. Shared by feedback and the six-month outcome survey.
   */
  async find(
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
      throw FOLLOW_UP_ERRORS.badField(
        'this meeting belongs to a schedule that was not played',
        ['input', 'meetingId'],
        'not_published',
      );
    if (!meeting.participantIds.includes(input.actorId))
      throw FOLLOW_UP_ERRORS.badField(
        'this actor was not at this meeting',
        ['input', 'actorId'],
        'not_in_meeting',
      );
    const others = meeting.participantIds.filter((id) => id !== input.actorId);
    const partnerId = input.partnerId ?? (others.length === 1 ? others[0] : null);
    if (partnerId !== null && !others.includes(partnerId))
      throw FOLLOW_UP_ERRORS.badField(
        'this actor was not at this meeting',
        ['input', 'partnerId'],
        'not_in_meeting',
      );
    return { meeting, schedule, event, partnerId };
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
