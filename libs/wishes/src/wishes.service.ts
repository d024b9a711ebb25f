import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@maillage/auth';
import { ActorsRepository, canSeeActor } from '@maillage/actors';
import { ScoringContextService } from '@maillage/complementarity';
import {
  EventStatus,
  EventsService,
  WISHES_OPEN,
  assertManagesOrIs,
  assertStatus,
  wishesOpen,
} from '@maillage/events';
import { DEFAULT_PROFILE, scorePair } from '@maillage/scoring';
import { SetWishInput } from './dto/wish.inputs';
import { WishEntity } from './entities/wish.entity';
import { Wish, WishCandidate, WishStats } from './models/wish.models';
import { WishLevel, WishRow, pairWishes } from './wish-weights';
import { WISH_ERRORS } from './wishes.errors';

const MAX_REASONS = 3;
const MOST_WANTED = 10;
/** Participants' wishes: whom they want to meet, seen by themselves and the organising lab only. */
@Injectable()
export class WishesService {
  constructor(
    @InjectRepository(WishEntity) private readonly wishes: Repository<WishEntity>,
    private readonly events: EventsService,
    private readonly scoring: ScoringContextService,
    private readonly actors: ActorsRepository,
  ) {}

  /** Every wish of an event (no access check: for the optimiser and the schedule's report). */
  async forEvent(eventId: string): Promise<WishRow[]> {
    const rows = await this.wishes.find({
      where: { eventId },
      select: { actorId: true, targetId: true, level: true },
    });
    return rows.map((r) => ({ actorId: r.actorId, targetId: r.targetId, level: r.level }));
  }

  /**
   * The other participants ranked by complementarity (the same live score as the optimiser's
   * weights), each with its reasons and the wish `actorId` expressed about it.
   */
  async candidates(p: Principal, eventId: string, actorId: string): Promise<WishCandidate[]> {
    const event = await this.events.load(eventId);
    assertManagesOrIs(p, event, actorId);
    assertStatus(
      event.status,
      [...WISHES_OPEN, EventStatus.PUBLISHED, EventStatus.LIVE, EventStatus.CLOSED],
      'list wish candidates',
    );
    const regs = await this.events.findRegistrations(event.id);
    const ids = regs.map((r) => r.actorId);
    if (!ids.includes(actorId)) throw notParticipant(['actorId']);
    // The visibility rule applies here too: a private actor of another organisation is not listed.
    const records = (await this.actors.getMany(ids.filter((id) => id !== actorId))).filter((a) =>
      canSeeActor(p, a),
    );
    const others = records.map((a) => a.id);
    const names = new Map(records.map((a) => [a.id, a.name]));
    const [{ actors, ctx }, mine] = await Promise.all([
      this.scoring.forActors([actorId, ...others], { metBeforeOf: [] }),
      this.wishes.find({ where: { eventId: event.id, actorId } }),
    ]);
    const wishOf = new Map(mine.map((w) => [w.targetId, w]));
    const me = actors.get(actorId);
    const rows = others.map((id) => {
      const other = actors.get(id);
      const s = me && other ? scorePair(me, other, ctx, DEFAULT_PROFILE) : null;
      const wish = wishOf.get(id);
      return {
        actorId: id,
        name: names.get(id) ?? null,
        rank: 0,
        score: s && !s.excluded ? Math.round(s.score * 10_000) / 10_000 : 0,
        components: (s?.components ?? [])
          .filter((c) => c.contribution !== 0)
          .map(
            (c) =>
              `${c.name}:${c.contribution >= 0 ? '+' : ''}${Math.round(c.contribution * 10_000) / 10_000}`,
          ),
        sharedCauses: [...(s?.sharedCauses ?? [])],
        // forward = what the other brings to me.
        theyBring: (s?.forward.matches ?? []).slice(0, MAX_REASONS).map((m) => m.needLabel),
        youBring: (s?.backward.matches ?? []).slice(0, MAX_REASONS).map((m) => m.needLabel),
        warnings: [...(s?.warnings ?? [])],
        wish: wish?.level ?? null,
        note: wish?.note ?? null,
      };
    });
    rows.sort((x, y) => y.score - x.score || x.actorId.localeCompare(y.actorId));
    rows.forEach((r, i) => (r.rank = i + 1));
    return rows;
  }

  /** Sets (or, with a null level, removes) one wish, while the wish list is open. */
  async setWish(p: Principal, input: SetWishInput): Promise<Wish | null> {
    const event = await this.events.load(input.eventId, ['input', 'eventId']);
    assertManagesOrIs(p, event, input.actorId, ['input', 'actorId']);
    assertStatus(event.status, WISHES_OPEN, 'set wishes', ['input', 'eventId']);
    if (!wishesOpen(event))
      throw WISH_ERRORS.conflict(
        `The wish list closed on ${event.wishesDeadline?.toISOString()}; ask the lab to move the deadline`,
        { field: ['input', 'eventId'], reason: 'wishes_closed' },
      );
    if (input.targetId === input.actorId)
      throw WISH_ERRORS.badField(
        'a participant cannot wish to meet itself',
        ['input', 'targetId'],
        'self_reference',
      );
    const registered = new Set((await this.events.findRegistrations(event.id)).map((r) => r.actorId));
    if (!registered.has(input.actorId)) throw notParticipant(['input', 'actorId']);
    if (!registered.has(input.targetId)) throw notParticipant(['input', 'targetId']);
    const [target] = await this.actors.getMany([input.targetId]);
    if (target && !canSeeActor(p, target))
      throw WISH_ERRORS.notFound(`Actor ${input.targetId} not found`, {
        field: ['input', 'targetId'],
        reason: 'unknown_actor',
      });
    const where = { eventId: event.id, actorId: input.actorId, targetId: input.targetId };
    if (!input.level) {
      await this.wishes.delete(where);
      return null;
    }
    const note = input.note?.trim() || null;
    await this.wishes.upsert({ ...where, level: input.level, note }, ['eventId', 'actorId', 'targetId']);
    return { ...where, level: input.level, note };
  }

  /** The organiser's statistics: counts, mutual pairs, the most wanted participants (no notes). */
  async stats(p: Principal, eventId: string): Promise<WishStats> {
    const event = await this.events.managed(p, eventId);
    const [regs, rows] = await Promise.all([
      this.events.findRegistrations(event.id),
      this.forEvent(event.id),
    ]);
    const registered = new Set(regs.map((r) => r.actorId));
    const valid = rows.filter((w) => registered.has(w.actorId) && registered.has(w.targetId));
    const pairs = [...pairWishes(valid, registered).values()];
    const wanted = new Map<string, number>();
    for (const w of valid)
      if (w.level === WishLevel.WANT) wanted.set(w.targetId, (wanted.get(w.targetId) ?? 0) + 1);
    const top = [...wanted.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, MOST_WANTED);
    const names = await this.events.names(top.map(([id]) => id));
    const count = (level: WishLevel) => valid.filter((w) => w.level === level).length;
    return {
      eventId: event.id,
      deadline: event.wishesDeadline,
      open: wishesOpen(event),
      participants: registered.size,
      participantsWithWishes: new Set(valid.map((w) => w.actorId)).size,
      want: count(WishLevel.WANT),
      maybe: count(WishLevel.MAYBE),
      no: count(WishLevel.NO),
      mutualPairs: pairs.filter((x) => x.kind === 'mutual').length,
      oneSidedPairs: pairs.filter((x) => x.kind === 'one-sided').length,
      refusedPairs: pairs.filter((x) => x.kind === 'refused').length,
      mutual: pairs.filter((x) => x.kind === 'mutual').map(({ a, b }) => ({ a, b })),
      mostWanted: top.map(([actorId, n]) => ({ actorId, name: names.get(actorId) ?? null, wanted: n })),
    };
  }
}

function notParticipant(field: (string | number)[]) {
  return WISH_ERRORS.badField('this actor is not registered at the event', field, 'not_a_participant');
}
