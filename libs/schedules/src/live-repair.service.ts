import { Injectable, Logger } from '@nestjs/common';
import { Principal } from '@maillage/auth';
import { EventStatus, EventsService, assertStatus, notFound } from '@maillage/events';
import { SCHEDULE_ERRORS } from './schedules.errors';
import { MeetingExplanation } from './entities/meeting.entity';
import { Schedule } from './models/schedule.models';
import { PairWeightsService } from './pair-weights.service';
import { explanationIndex, pairKey, pairsIn, sameSet, toMeetingRows } from './schedule-meetings';
import { ScheduleViewsService } from './schedule-views.service';
import { SimulationPool } from './simulation-pool.service';
import { SchedulesRepository } from './schedules.repository';

/** Live re-pairing on the day, between rounds, around no-shows and late arrivals. */
@Injectable()
export class LiveRepairService {
  private readonly logger = new Logger(LiveRepairService.name);

  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly weights: PairWeightsService,
    private readonly views: ScheduleViewsService,
    private readonly pool: SimulationPool,
  ) {}

  /**
   * Rounds before `fromRound` are played and kept, locked meetings stay unless a participant is
   * absent, absent participants get nothing from their absence on, everyone else is re-matched
   * (preferring their printed pairs). The stored pair weights are reused, so the graph is not
   * needed on the day; the repair itself runs in a worker thread (SimulationPool).
   */
  async repair(p: Principal, eventId: string, fromRound: number): Promise<Schedule> {
    const event = await this.events.managed(p, eventId);
    assertStatus(event.status, [EventStatus.PUBLISHED, EventStatus.LIVE], 're-pair');
    if (!Number.isInteger(fromRound) || fromRound < 1 || fromRound > event.rounds)
      throw SCHEDULE_ERRORS.badField(
        `must be between 1 and ${event.rounds}`,
        ['fromRound'],
        'round_out_of_range',
      );
    const schedule = await this.repo.published(event.id);
    if (!schedule) throw notFound('Schedule', event.id, ['eventId']);
    const started = Date.now();
    const regs = await this.events.findRegistrations(event.id);
    const meetings = await this.repo.meetingsOf(schedule.id);
    // Played rounds stand as they were; absences only count from the re-planned rounds on.
    const forRepair = regs.map((r) =>
      r.absentFromRound === null ? r : { ...r, absentFromRound: Math.max(r.absentFromRound, fromRound) },
    );
    const lockedAhead = meetings.filter((m) => m.locked && m.round >= fromRound);
    const absentIds = regs
      .filter((r) => r.absentFromRound !== null && r.absentFromRound <= fromRound)
      .map((r) => r.actorId);
    const late = regs.filter(
      (r) => r.presentFromRound !== null && r.presentFromRound > fromRound && !absentIds.includes(r.actorId),
    );
    // One lateUntilRound for all: the earliest arrival; later ones are also cut by their availability.
    const lateUntil = late.length ? Math.min(...late.map((r) => r.presentFromRound ?? fromRound)) : fromRound;
    // The repair runs in a worker thread (simulation.worker.ts), off the API's event loop; late
    // arrivals keep the rounds already played (keepBefore) and miss those before they come.
    const { result } = await this.pool.repair({
      event,
      registrations: forRepair,
      weights: schedule.pairWeights,
      lockedAhead,
      meetings,
      algorithm: schedule.algorithm,
      fromRound,
      request: {
        fromRound: fromRound - 1,
        absentIds,
        ...(late.length ? { lateIds: late.map((r) => r.actorId), lateUntilRound: lateUntil - 1 } : {}),
      },
    });
    const known = explanationIndex(meetings);
    const explain = (ids: readonly string[]): MeetingExplanation | null => {
      const pairs = pairsIn(ids).map(([a, b]) => known.get(pairKey(a, b)));
      return pairs.every((x) => x) ? { pairs: pairs as MeetingExplanation['pairs'] } : null;
    };
    const next = toMeetingRows(result, fromRound - 1, explain, true);
    for (const m of next)
      m.locked = lockedAhead.some((l) => l.round === m.round && sameSet(l.participantIds, m.participantIds));
    // New pairs: explain them from the graph when it answers; the plan never waits for it.
    const missing = next.filter((m) => !m.explanation);
    if (missing.length) {
      try {
        const w = await this.weights.forActors(
          [...new Set(missing.flatMap((m) => m.participantIds))],
          event.organisationId,
        );
        for (const m of missing) m.explanation = w.explain(m.participantIds);
      } catch (err) {
        this.logger.warn(`re-pairing explanations skipped: ${(err as Error).name}`);
      }
    }
    await this.repo.replaceFrom(schedule, fromRound, next, {
      totalScore: result.totalScore,
      unplaced: result.unplaced.map((u) => ({ ...u })),
      algorithm: result.algorithm,
    });
    this.logger.log(`event ${event.id} re-paired from round ${fromRound} in ${Date.now() - started} ms`);
    const saved = await this.repo.findById(schedule.id);
    return this.views.view({ ...event, status: EventStatus.LIVE }, saved ?? schedule);
  }
}
