import { Args, GraphQLISODateTime, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { CreateEventInput, RegisterParticipantInput } from './dto/event.inputs';
import { EventStatus } from './event-enums';
import { EventsService, toEvent } from './events.service';
import {
  ActorEventSummary,
  CsvRegistrationReport,
  Registration,
  SpeedMeetingEvent,
} from './models/event.models';
import { RegistrationImportService } from './registration-import.service';

/** Events, registrations and attendance (ADMIN, and ORGANISER of the owning organisation). */
@Resolver(() => SpeedMeetingEvent)
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly imports: RegistrationImportService,
  ) {}

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

  @Mutation(() => SpeedMeetingEvent, {
    description:
      'Closes the wish list (setWish) at `deadline`; null keeps it open while the event is OPEN or SCHEDULED.',
  })
  async setWishesDeadline(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('deadline', { type: () => GraphQLISODateTime, nullable: true }) deadline: Date | null,
  ) {
    return toEvent(await this.service.setWishesDeadline(p, eventId, deadline ?? null));
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

  @Query(() => [ActorEventSummary], {
    description:
      'The events an actor is registered for, latest first: its editors see them all, organisers those of their lab.',
  })
  actorEvents(@CurrentPrincipal() p: Principal, @Args('actorId', { type: () => ID }) actorId: string) {
    return this.service.actorEvents(p, actorId);
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

  @Mutation(() => Registration, {
    description:
      'Late arrival: present from `fromRound` (1-based) on (1 clears it); then call repairSchedule.',
  })
  markLateArrival(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('fromRound', { type: () => Int }) fromRound: number,
  ) {
    return this.service.markLateArrival(p, eventId, actorId, fromRound);
  }

  @Mutation(() => CsvRegistrationReport, {
    description:
      'Bulk registration: columns actor_id (or siren, rna, external_id), representative_name, ' +
      'representative_email, available_rounds (1|2|3), must_meet, must_not_meet (actor ids, |-separated), ' +
      'goals, side. A rejected row writes nothing; re-importing the same file changes nothing.',
  })
  registerParticipantsCsv(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('csv') csv: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return this.imports.importCsv(p, eventId, csv, dryRun);
  }
}
