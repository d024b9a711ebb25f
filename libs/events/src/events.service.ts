import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Action, Principal, assertAllowed, isAllowed } from '@maillage/auth';
import { ActorRecord, ActorsRepository, ActorsService, canSeeActor } from '@maillage/actors';
import { AllianceForm, isSupportedTimeZone } from '@maillage/domain';
import { CreateEventInput, MAX_PARTICIPANTS, RegisterParticipantInput } from './dto/event.inputs';
import { EventEntity } from './entities/event.entity';
import { RegistrationEntity } from './entities/registration.entity';
import { assertManages, canSeeRepresentative, isParticipant, manages } from './event-access';
import { EventFormat, EventStatus, ParticipantSide, SideRule } from './event-enums';
import { EVENT_ERRORS, assertStatus, checkUuid, notFound } from './events.errors';
import { ActorEventSummary, Registration, SpeedMeetingEvent } from './models/event.models';
import { roundsHeld } from './rounds-held';
import { wishesOpen } from './wishes-window';

/** Events, registrations and attendance. Every use case checks the caller first, then the state. */
@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    @InjectRepository(RegistrationEntity) private readonly registrationsRepo: Repository<RegistrationEntity>,
    private readonly actors: ActorsService,
    private readonly actorsRepository: ActorsRepository,
  ) {}

  /** The event, when it exists (no access check: callers decide who may see it). */
  async load(id: string, field: (string | number)[] = ['eventId']): Promise<EventEntity> {
    checkUuid(id, field, 'Event');
    const event = await this.events.findOne({ where: { id } });
    if (!event) throw notFound('Event', id, field);
    return event;
  }

  /** The event, for its organising lab (role checked before any read). */
  async managed(p: Principal, id: string, field: (string | number)[] = ['eventId']): Promise<EventEntity> {
    assertAllowed(p, Action.EVENT_MANAGE);
    const event = await this.load(id, field);
    assertManages(p, event, field);
    return event;
  }

  async create(p: Principal, input: CreateEventInput): Promise<EventEntity> {
    assertAllowed(p, Action.EVENT_MANAGE);
    checkEventShape(input);
    return this.events.save(
      this.events.create({
        organisationId: p.organisationId,
        title: input.title.trim(),
        startsAt: input.startsAt,
        venue: input.venue.trim(),
        timeZone: input.timeZone,
        format: input.format,
        sideRule: input.format === EventFormat.BIPARTITE ? (input.sideRule ?? SideRule.FAMILY) : null,
        sideA: input.format === EventFormat.BIPARTITE ? (input.sideA ?? []) : [],
        sideB: input.format === EventFormat.BIPARTITE ? (input.sideB ?? []) : [],
        seats: input.format === EventFormat.TABLES ? (input.seats ?? 4) : null,
        rounds: input.rounds,
        roundMinutes: input.roundMinutes,
        changeMinutes: input.changeMinutes,
        pauses: (input.pauses ?? []).map((x) => ({ afterRound: x.afterRound, minutes: x.minutes })),
        tables: input.tables ?? null,
        minMeetings: input.minMeetings ?? null,
        maxMeetings: input.maxMeetings ?? null,
        allianceForm: input.allianceForm ?? AllianceForm.CO_PRODUCTION,
        seed: input.seed ?? 1,
        status: EventStatus.DRAFT,
        createdBy: p.userId,
      }),
    );
  }

  async setStatus(
    p: Principal,
    id: string,
    to: EventStatus,
    from: readonly EventStatus[],
    action: string,
  ): Promise<EventEntity> {
    const event = await this.managed(p, id);
    assertStatus(event.status, from, action);
    // Guarded update: two organisers clicking at once move the event once.
    const res = await this.events.update({ id, status: event.status }, { status: to });
    if (!res.affected)
      throw EVENT_ERRORS.conflict('The event changed meanwhile; reload it', { reason: 'stale' });
    return { ...event, status: to };
  }

  /** The organiser closes the wish list at `deadline` (null: open while registrations are). */
  async setWishesDeadline(p: Principal, id: string, deadline: Date | null): Promise<EventEntity> {
    const event = await this.managed(p, id);
    assertStatus(
      event.status,
      [EventStatus.DRAFT, EventStatus.OPEN, EventStatus.SCHEDULED],
      'set the wishes deadline',
    );
    if (deadline && deadline.getTime() > event.startsAt.getTime())
      throw EVENT_ERRORS.badField(
        'must not be after the start of the event',
        ['deadline'],
        'after_event_start',
      );
    await this.events.update({ id: event.id }, { wishesDeadline: deadline });
    return { ...event, wishesDeadline: deadline };
  }

  async listForOrganisation(p: Principal): Promise<EventEntity[]> {
    assertAllowed(p, Action.EVENT_MANAGE);
    return this.events.find({
      where: { organisationId: p.organisationId },
      order: { startsAt: 'DESC' },
      take: 100,
    });
  }

  /**
   * The events an actor is registered for, latest first: all of them for its participant (the
   * actor's editor, as for its agenda), those of their lab for organisers, all for admins. An
   * unknown or invisible actor answers NOT_FOUND; anyone else FORBIDDEN.
   */
  async actorEvents(p: Principal, actorId: string): Promise<ActorEventSummary[]> {
    assertAllowed(p, Action.AUTHENTICATED_READ);
    await this.actors.get(p, actorId, ['actorId']);
    const participant = isParticipant(p, actorId);
    if (!participant && !isAllowed(p, Action.EVENT_MANAGE))
      throw EVENT_ERRORS.forbidden('Only the participant and organisers may list its events', {
        field: ['actorId'],
        reason: 'not_event_participant',
      });
    const regs = await this.registrationsRepo.find({ where: { actorId }, select: { eventId: true } });
    const events = await this.findByIds(regs.map((r) => r.eventId));
    const now = new Date();
    return events
      .filter((e) => participant || manages(p, e))
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())
      .map((e) => ({
        id: e.id,
        title: e.title,
        status: e.status,
        startsAt: e.startsAt,
        timeZone: e.timeZone,
        venue: e.venue,
        wishesDeadline: e.wishesDeadline,
        wishesOpen: wishesOpen(e, now),
      }));
  }

  /** Every event of an organisation (no access check: callers decide who may see them). */
  findByOrganisation(organisationId: string): Promise<EventEntity[]> {
    return this.events.find({ where: { organisationId } });
  }

  /**
   * The events among `ids` that exist, in no particular order, optionally only those an organisation
   * runs (no access check: callers decide).
   */
  findByIds(ids: readonly string[], organisationId: string | null = null): Promise<EventEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.events.find({
      where: { id: In([...new Set(ids)]), ...(organisationId === null ? {} : { organisationId }) },
    });
  }

  /**
   * The events that took place, each with the last round held by `now` (`roundsHeld`, the event
   * clock): LIVE and CLOSED events with at least one round started. For the meeting history (the
   * met-before penalty); no access check.
   */
  async roundsHeldByEvent(
    now: Date,
    organisationIds: readonly string[] | null = null,
  ): Promise<Map<string, number>> {
    if (organisationIds !== null && organisationIds.length === 0) return new Map();
    const held = await this.events.find({
      where: {
        status: In([EventStatus.LIVE, EventStatus.CLOSED]),
        ...(organisationIds === null ? {} : { organisationId: In([...organisationIds]) }),
      },
      select: {
        id: true,
        status: true,
        startsAt: true,
        rounds: true,
        roundMinutes: true,
        changeMinutes: true,
        pauses: true,
      },
    });
    const out = new Map<string, number>();
    for (const event of held) {
      const through = roundsHeld(event, now);
      if (through > 0) out.set(event.id, through);
    }
    return out;
  }

  /**
   * Ids of an organisation's events that took place (LIVE or CLOSED) and started `months` or more
   * before `now`, oldest first (no access check: callers decide who may see them).
   */
  async heldIdsStartedMonthsAgo(organisationId: string, months: number, now: Date): Promise<string[]> {
    const rows = (await this.events.query(
      `SELECT id FROM events WHERE organisation_id = $1 AND status IN ('LIVE', 'CLOSED')
         AND starts_at + make_interval(months => $2) <= $3 ORDER BY starts_at, id`,
      [organisationId, months, now],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async register(p: Principal, input: RegisterParticipantInput): Promise<Registration> {
    const event = await this.managed(p, input.eventId, ['input', 'eventId']);
    assertStatus(event.status, [EventStatus.DRAFT, EventStatus.OPEN], 'register participants', [
      'input',
      'eventId',
    ]);
    const actor = await this.actors.get(p, input.actorId, ['input', 'actorId']);
    await this.checkActorList(p, input.mustMeet ?? [], ['input', 'mustMeet'], input.actorId);
    await this.checkActorList(p, input.mustNotMeet ?? [], ['input', 'mustNotMeet'], input.actorId);
    const both = (input.mustMeet ?? []).findIndex((id) => input.mustNotMeet?.includes(id));
    if (both >= 0)
      throw EVENT_ERRORS.badField(
        'an actor cannot be both a must-meet and a must-not-meet',
        ['input', 'mustMeet', both],
        'contradiction',
      );
    const rounds = input.availableRounds ?? null;
    rounds?.forEach((r, i) => {
      if (r > event.rounds)
        throw EVENT_ERRORS.badField(
          `the event has ${event.rounds} rounds`,
          ['input', 'availableRounds', i],
          'round_out_of_range',
        );
    });
    const attended = rounds?.length ?? event.rounds;
    if ((input.mustMeet?.length ?? 0) > attended)
      throw EVENT_ERRORS.badField(
        `${input.mustMeet?.length} must-meets but only ${attended} rounds attended`,
        ['input', 'mustMeet'],
        'too_many_must_meets',
      );
    const side = sideOf(event, actor, input.side);
    const count = await this.registrationsRepo.count({ where: { eventId: event.id } });
    if (count >= MAX_PARTICIPANTS)
      throw EVENT_ERRORS.badField(
        `at most ${MAX_PARTICIPANTS} participants`,
        ['input', 'eventId'],
        'event_full',
      );
    const existing = await this.registrationsRepo.findOne({
      where: { eventId: event.id, actorId: actor.id },
    });
    if (existing)
      throw EVENT_ERRORS.conflict(`Actor ${actor.id} is already registered`, {
        field: ['input', 'actorId'],
        reason: 'already_registered',
      });
    const saved = await this.registrationsRepo.save(
      this.registrationsRepo.create({
        eventId: event.id,
        actorId: actor.id,
        side,
        representativeName: input.representativeName?.trim() ?? null,
        representativeEmail: input.representativeEmail?.trim().toLowerCase() ?? null,
        availableRounds: rounds ? [...rounds].sort((a, b) => a - b) : null,
        mustMeet: input.mustMeet ?? [],
        mustNotMeet: input.mustNotMeet ?? [],
        goals: input.goals ?? null,
      }),
    );
    return toRegistration(saved, actor.name, true);
  }

  /** All registrations of an event, oldest first (the order participants are handed to the optimiser). */
  findRegistrations(eventId: string): Promise<RegistrationEntity[]> {
    return this.registrationsRepo.find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async registrations(p: Principal, eventId: string): Promise<Registration[]> {
    const event = await this.managed(p, eventId);
    const regs = await this.findRegistrations(event.id);
    const names = await this.names(regs.map((r) => r.actorId));
    return regs.map((r) =>
      toRegistration(r, names.get(r.actorId) ?? null, canSeeRepresentative(p, event, r.actorId)),
    );
  }

  async checkIn(p: Principal, eventId: string, actorId: string): Promise<Registration> {
    return this.attendance(p, eventId, actorId, { checkedIn: true, noShow: false, absentFromRound: null });
  }

  /**
   * A participant who did not come (or left): absent from `fromRound` on. Re-pairing then keeps
   * played rounds and seats the others again.
   */
  async markNoShow(p: Principal, eventId: string, actorId: string, fromRound: number): Promise<Registration> {
    const event = await this.managed(p, eventId);
    if (!Number.isInteger(fromRound) || fromRound < 1 || fromRound > event.rounds)
      throw EVENT_ERRORS.badField(
        `must be between 1 and ${event.rounds}`,
        ['fromRound'],
        'round_out_of_range',
      );
    return this.attendance(p, eventId, actorId, { noShow: true, absentFromRound: fromRound }, event);
  }

  /**
   * A participant arriving late: present from `fromRound` (1-based) on, no meeting before. The next
   * repairSchedule re-plans around it (the optimiser's late-arrival support). Round 1 clears it.
   */
  async markLateArrival(
    p: Principal,
    eventId: string,
    actorId: string,
    fromRound: number,
  ): Promise<Registration> {
    const event = await this.managed(p, eventId);
    if (!Number.isInteger(fromRound) || fromRound < 1 || fromRound > event.rounds)
      throw EVENT_ERRORS.badField(
        `must be between 1 and ${event.rounds}`,
        ['fromRound'],
        'round_out_of_range',
      );
    return this.attendance(
      p,
      eventId,
      actorId,
      { presentFromRound: fromRound > 1 ? fromRound : null, noShow: false, absentFromRound: null },
      event,
    );
  }

  private async attendance(
    p: Principal,
    eventId: string,
    actorId: string,
    change: Partial<RegistrationEntity>,
    known?: EventEntity,
  ): Promise<Registration> {
    const event = known ?? (await this.managed(p, eventId));
    assertStatus(event.status, [EventStatus.PUBLISHED, EventStatus.LIVE], 'record attendance');
    const reg = await this.registrationsRepo.findOne({ where: { eventId: event.id, actorId } });
    if (!reg)
      throw EVENT_ERRORS.notFound(`Actor ${actorId} is not registered`, {
        field: ['actorId'],
        reason: 'not_registered',
      });
    await this.registrationsRepo.update({ id: reg.id }, change);
    // The day has started: the event is live from the first attendance on.
    if (event.status === EventStatus.PUBLISHED)
      await this.events.update({ id: event.id, status: EventStatus.PUBLISHED }, { status: EventStatus.LIVE });
    const names = await this.names([actorId]);
    return toRegistration({ ...reg, ...change }, names.get(actorId) ?? null, true);
  }

  /** Display names of actors, one graph read (deleted actors are absent). */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const actors = await this.actorsRepository.getMany([...new Set(ids)]);
    return new Map(actors.map((a) => [a.id, a.name]));
  }

  /** Must-(not-)meet ids: each an actor the caller may see (others answer like unknown ids). */
  private async checkActorList(
    p: Principal,
    ids: string[],
    field: (string | number)[],
    self: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const found = new Set(
      (await this.actorsRepository.getMany(ids)).filter((a) => canSeeActor(p, a)).map((a) => a.id),
    );
    ids.forEach((id, i) => {
      if (id === self)
        throw EVENT_ERRORS.badField('an actor cannot name itself', [...field, i], 'self_reference');
      if (!found.has(id))
        throw EVENT_ERRORS.notFound(`Actor ${id} not found`, {
          field: [...field, i],
          reason: 'unknown_actor',
        });
    });
  }
}

/** Cross-field rules class-validator cannot express. */
function checkEventShape(input: CreateEventInput): void {
  if (!isSupportedTimeZone(input.timeZone))
    throw EVENT_ERRORS.badField(
      `unknown time zone ${JSON.stringify(input.timeZone.slice(0, 64))}: an IANA name such as Europe/Paris`,
      ['input', 'timeZone'],
      'unknown_time_zone',
    );
  if (input.format === EventFormat.BIPARTITE) {
    if (!input.sideA?.length)
      throw EVENT_ERRORS.badField(
        'BIPARTITE needs the families or kinds of side A',
        ['input', 'sideA'],
        'required',
      );
    if (!input.sideB?.length)
      throw EVENT_ERRORS.badField(
        'BIPARTITE needs the families or kinds of side B',
        ['input', 'sideB'],
        'required',
      );
    const overlap = input.sideA.findIndex((x) => input.sideB?.includes(x));
    if (overlap >= 0)
      throw EVENT_ERRORS.badField('a value cannot be on both sides', ['input', 'sideA', overlap], 'overlap');
  }
  if (input.minMeetings != null && input.maxMeetings != null && input.minMeetings > input.maxMeetings)
    throw EVENT_ERRORS.badField('must not exceed maxMeetings', ['input', 'minMeetings'], 'min_above_max');
  if (input.maxMeetings != null && input.maxMeetings > input.rounds)
    throw EVENT_ERRORS.badField(
      'cannot exceed the number of rounds',
      ['input', 'maxMeetings'],
      'above_rounds',
    );
  input.pauses?.forEach((x, i) => {
    if (x.afterRound >= input.rounds)
      throw EVENT_ERRORS.badField(
        'must be before the last round',
        ['input', 'pauses', i, 'afterRound'],
        'round_out_of_range',
      );
  });
}

/** BIPARTITE: an explicit side, else the side whose families/kinds contain the actor's. */
export function sideOf(
  event: EventEntity,
  actor: ActorRecord,
  explicit?: ParticipantSide,
): ParticipantSide | null {
  if (event.format !== EventFormat.BIPARTITE) return null;
  if (explicit) return explicit;
  const value: string = event.sideRule === SideRule.KIND ? actor.kind : actor.family;
  if (event.sideA.includes(value)) return ParticipantSide.A;
  if (event.sideB.includes(value)) return ParticipantSide.B;
  throw EVENT_ERRORS.badField(
    `${value} is on neither side of this event; pass side explicitly`,
    ['input', 'side'],
    'side_undetermined',
  );
}

export function toEvent(e: EventEntity): SpeedMeetingEvent {
  return { ...e, pauses: e.pauses ?? [] };
}

export function toRegistration(
  r: RegistrationEntity,
  actorName: string | null,
  showContact: boolean,
): Registration {
  return {
    id: r.id,
    eventId: r.eventId,
    actorId: r.actorId,
    actorName,
    side: r.side,
    representative: showContact ? { name: r.representativeName, email: r.representativeEmail } : null,
    availableRounds: r.availableRounds,
    mustMeet: r.mustMeet,
    mustNotMeet: r.mustNotMeet,
    goals: r.goals,
    checkedIn: r.checkedIn,
    noShow: r.noShow,
    absentFromRound: r.absentFromRound,
    presentFromRound: r.presentFromRound ?? null,
  };
}
