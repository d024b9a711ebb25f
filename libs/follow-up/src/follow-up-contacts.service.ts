import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Action, Principal, assertAllowed } from '@maillage/auth';
import { ActorsRepository } from '@maillage/actors';
import { EventStatus, EventsService, Representative, assertStatus, isParticipant } from '@maillage/events';
import { SchedulesRepository } from '@maillage/schedules';
import { FOLLOW_UP_ERRORS } from './follow-up.errors';
import { FollowUpContact } from './models/follow-up.models';

/**
 * Contact details exchanged after an event, by mutual opt-in only: a partner appears when both
 * asked for a follow-up (feedback wantsFollowUp) about each other after a played meeting. Personal
 * data: only the participant's own editors see it (not the lab, not other participants).
 */
@Injectable()
export class FollowUpContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly schedules: SchedulesRepository,
    private readonly actors: ActorsRepository,
  ) {}

  async contacts(p: Principal, eventId: string, actorId: string): Promise<FollowUpContact[]> {
    assertAllowed(p, Action.AUTHENTICATED_READ);
    const event = await this.events.load(eventId);
    if (!isParticipant(p, actorId))
      throw FOLLOW_UP_ERRORS.forbidden("Only the participant's own editors see its follow-up contacts", {
        field: ['actorId'],
        reason: 'not_the_participant',
      });
    assertStatus(event.status, [EventStatus.LIVE, EventStatus.CLOSED], 'exchange contacts');
    const published = await this.schedules.published(event.id);
    if (!published) return [];
    const meetingIds = (await this.schedules.meetingsOf(published.id)).map((m) => m.id);
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT actor_id, partner_id FROM feedback
       WHERE meeting_id = ANY($1::uuid[]) AND wants_follow_up AND partner_id IS NOT NULL
         AND (actor_id = $2 OR partner_id = $2)`,
      [meetingIds, actorId],
    )) as { actor_id: string; partner_id: string }[];
    const asked = new Set(rows.filter((r) => r.actor_id === actorId).map((r) => r.partner_id));
    const mutual = [
      ...new Set(
        rows.filter((r) => r.partner_id === actorId && asked.has(r.actor_id)).map((r) => r.actor_id),
      ),
    ].sort();
    if (mutual.length === 0) return [];
    const [regs, actors] = await Promise.all([
      this.events.findRegistrations(event.id),
      this.actors.getMany(mutual),
    ]);
    const regOf = new Map(regs.map((r) => [r.actorId, r]));
    const actorOf = new Map(actors.map((a) => [a.id, a]));
    return mutual.map((id) => {
      const reg = regOf.get(id);
      const representative: Representative | null = reg
        ? { name: reg.representativeName, email: reg.representativeEmail }
        : null;
      return {
        actorId: id,
        name: actorOf.get(id)?.name ?? null,
        representative,
        contact: actorOf.get(id)?.contact ?? null,
      };
    });
  }
}
