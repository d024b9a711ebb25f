import { Injectable } from '@nestjs/common';

import { Principal } from '@maillage/auth';
import {
  EventEntity,
  EventsService,
  assertManagesOrIs,
  canSeeRepresentative,
  roundTimes,
} from '@maillage/events';
import { SCHEDULE_ERRORS, Schedule, ScheduleViewsService, SchedulesRepository } from '@maillage/schedules';
import { reasonLine } from './meeting-reason';
import { Agenda } from './models/agenda.models';

/** Personal agendas and the per-round table plan, from the published schedule. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly views: ScheduleViewsService,
  ) {}

  /** The lab sees any agenda; a participant its own. Contacts follow the same rule, per partner. */
  async agenda(
    p: Principal,
    eventId: string,
    actorId: string,
  ): Promise<{ event: EventEntity; agenda: Agenda }> {
    const event = await this.events.load(eventId);
    assertManagesOrIs(p, event, actorId);
    const schedule = await this.repo.published(event.id);
    if (!schedule)
      throw SCHEDULE_ERRORS.notFound('No published schedule for this event yet', {
        field: ['eventId'],
        reason: 'no_published_schedule',
      });
    const regs = await this.events.findRegistrations(event.id);
    const reg = regs.find((r) => r.actorId === actorId);
    if (!reg)
      throw SCHEDULE_ERRORS.notFound(`Actor ${actorId} is not registered`, {
        field: ['actorId'],
        reason: 'not_registered',
      });
    const mine = (await this.repo.meetingsOf(schedule.id)).filter((m) => m.participantIds.includes(actorId));
    const names = await this.events.names([actorId, ...mine.flatMap((m) => m.participantIds)]);
    const byActor = new Map(regs.map((r) => [r.actorId, r]));
    const slots = roundTimes(event).map((t) => {
      const m = mine.find((x) => x.round === t.round);
      return {
        round: t.round,
        startsAt: t.startsAt,
        endsAt: t.endsAt,
        meetingId: m?.id ?? null,
        table: m?.tableNumber ?? null,
        partners: (m?.participantIds ?? [])
          .filter((id) => id !== actorId)
          .map((id) => {
            const r = byActor.get(id);
            return {
              actorId: id,
              name: names.get(id) ?? null,
              reason: reasonLine(m?.explanation?.pairs ?? [], actorId, id),
              representative:
                r && canSeeRepresentative(p, event, id)
                  ? { name: r.representativeName, email: r.representativeEmail }
                  : null,
            };
          }),
      };
    });
    return {
      event,
      agenda: {
        eventId: event.id,
        eventTitle: event.title,
        venue: event.venue,
        timeZone: event.timeZone,
        actorId,
        actorName: names.get(actorId) ?? null,
        version: schedule.version,
        slots,
      },
    };
  }

  /** Table plan (organisers): the published schedule, or the draft under review before publication. */
  async tablePlan(p: Principal, eventId: string): Promise<{ event: EventEntity; schedule: Schedule }> {
    const event = await this.events.managed(p, eventId);
    const schedule = await this.views.schedule(p, event.id);
    if (!schedule)
      throw SCHEDULE_ERRORS.notFound('No schedule for this event yet', {
        field: ['eventId'],
        reason: 'no_schedule',
      });
    return { event, schedule };
  }
}
