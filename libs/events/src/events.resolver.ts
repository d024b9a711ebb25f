import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { CreateEventInput, RegisterParticipantInput } from './dto/event.inputs';
import { EventStatus } from './event-enums';
import { EventsService, toEvent } from './events.service';
import { Registration, SpeedMeetingEvent } from './models/event.models';

/** Events, registrations and attendance (ADMIN, and ORGANISER of the owning organisation). */
@Resolver(() => SpeedMeetingEvent)
export class EventsResolver {
  constructor(private readonly service: EventsService) {}

  @Mutation(() => SpeedMeetingEvent, { description: 'Creates a DRAFT event owned by your organisation.' })
  async createEvent(@CurrentPrincipal() p: Principal, @Args('input') input: CreateEventInput) {
    return toEvent(await this.service.create(p, input));
  }

  @Mutation(() => SpeedMeetingEvent, { description: 'DRAFT → OPEN: registrations open.' })
  async openEvent(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return toEvent(await this.service.setStatus(p, eventId, EventStatus.OPEN, [EventStatus.DRAFT], 'open'));
  }

  @Mutation(() => SpeedMeetingEvent, {
    description: 'Ends the event; feedback remains open (follow-up survey).',
  })
  async closeEvent(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return toEvent(
      await this.service.setStatus(
        p,
        eventId,
        EventStatus.CLOSED,
        [EventStatus.PUBLISHED, EventStatus.LIVE],
        'close',
      ),
    );
  }

  @Query(() => SpeedMeetingEvent)
  async event(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string) {
    return toEvent(await this.service.managed(p, id, ['id']));
  }

  @Query(() => [SpeedMeetingEvent], {
    description: "Your organisation's events, latest first (at most 100).",
  })
  async events(@CurrentPrincipal() p: Principal) {
    return (await this.service.listForOrganisation(p)).map(toEvent);
  }

  @Mutation(() => Registration)
  registerParticipant(@CurrentPrincipal() p: Principal, @Args('input') input: RegisterParticipantInput) {
    return this.service.register(p, input);
  }

  @Query(() => [Registration])
  registrations(@CurrentPrincipal() p: Principal, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.service.registrations(p, eventId);
  }

  @Mutation(() => Registration, {
    description: 'Marks arrival; the event goes LIVE at the first attendance.',
  })
  checkIn(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('actorId', { type: () => ID }) actorId: string,
  ) {
    return this.service.checkIn(p, eventId, actorId);
  }

  @Mutation(() => Registration, {
    description: 'Absent from `fromRound` (1-based) on; then call repairSchedule to re-pair the others.',
  })
  markNoShow(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('fromRound', { type: () => Int, defaultValue: 1 }) fromRound: number,
  ) {
    return this.service.markNoShow(p, eventId, actorId, fromRound);
  }
}
