import { Injectable } from '@nestjs/common';

import { Principal } from '@maillage/auth';
import {
  EventStatus,
  EventsService,
  ScheduleStatus,
  assertManages,
  assertStatus,
  checkUuid,
  notFound,
} from '@maillage/events';
import { Schedule } from './models/schedule.models';
import { ScheduleViewsService } from './schedule-views.service';
import { SchedulesRepository } from './schedules.repository';
import { SCHEDULE_ERRORS } from './schedules.errors';

/** Publication: one draft version becomes the event's schedule, the previous one is archived. */
@Injectable()
export class SchedulePublicationService {
  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly views: ScheduleViewsService,
  ) {}

  async publish(p: Principal, scheduleId: string): Promise<Schedule> {
    checkUuid(scheduleId, ['scheduleId'], 'Schedule');
    const schedule = await this.repo.findById(scheduleId);
    if (!schedule) throw notFound('Schedule', scheduleId, ['scheduleId']);
    const event = await this.events.load(schedule.eventId, ['scheduleId']);
    assertManages(p, event, ['scheduleId']);
    // Once live, agendas are in people's hands: changes go through re-pairing only.
    assertStatus(event.status, [EventStatus.SCHEDULED, EventStatus.PUBLISHED], 'publish a schedule', [
      'scheduleId',
    ]);
    if (schedule.status !== ScheduleStatus.DRAFT)
      throw SCHEDULE_ERRORS.conflict(`Schedule version ${schedule.version} is ${schedule.status}`, {
        field: ['scheduleId'],
        reason: 'not_draft',
      });
    await this.repo.publish(schedule);
    const saved = await this.repo.findById(schedule.id);
    return this.views.view({ ...event, status: EventStatus.PUBLISHED }, saved ?? schedule);
  }
}
