import { Injectable } from '@nestjs/common';
import { Principal } from '@maillage/auth';
import { EventEntity, EventsService } from '@maillage/events';
import { WishesService, pairWishes } from '@maillage/wishes';
import { ScheduleEntity } from './entities/schedule.entity';
import { Schedule } from './models/schedule.models';
import { toScheduleModel } from './schedule-view';
import { SchedulesRepository } from './schedules.repository';

/** Stored schedules as the organiser reads them: rounds with their times, names, breaks. */
@Injectable()
export class ScheduleViewsService {
  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly wishes: WishesService,
  ) {}

  /** The published schedule, else the latest draft (or a given version). */
  async schedule(p: Principal, eventId: string, version?: number): Promise<Schedule | null> {
    const event = await this.events.managed(p, eventId);
    const schedule = await this.repo.current(event.id, version);
    return schedule ? this.view(event, schedule) : null;
  }

  async view(event: EventEntity, schedule: ScheduleEntity): Promise<Schedule> {
    const [meetings, regs, wishes] = await Promise.all([
      this.repo.meetingsOf(schedule.id),
      this.events.findRegistrations(event.id),
      this.wishes.forEvent(event.id),
    ]);
    const ids = regs.map((r) => r.actorId);
    const pairs = pairWishes(wishes, new Set(ids));
    return toScheduleModel(event, schedule, meetings, ids, await this.events.names(ids), pairs);
  }
}
