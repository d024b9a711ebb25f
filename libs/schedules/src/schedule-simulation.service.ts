import { Injectable } from '@nestjs/common';
import { Principal } from '@maillage/auth';
import { EventEntity, EventsService } from '@maillage/events';
import { SimulationInput } from './dto/schedule.inputs';
import { WishesService } from '@maillage/wishes';
import { ScheduleObjective } from '@maillage/schedule-objectives';
import { EventSimulation } from './models/schedule.models';
import { PairWeightsService } from './pair-weights.service';
import { BOUND_TIME_LIMIT_SECONDS, requireParticipants } from './schedule-solver';
import { SimulationPool } from './simulation-pool.service';

/** What-if: optimises an event with other rounds, tables or seats, saving nothing. */
@Injectable()
export class ScheduleSimulationService {
  constructor(
    private readonly events: EventsService,
    private readonly weights: PairWeightsService,
    private readonly pool: SimulationPool,
    private readonly wishes: WishesService,
  ) {}

  async simulate(p: Principal, eventId: string, input: SimulationInput = {}): Promise<EventSimulation> {
    const stored = await this.events.managed(p, eventId);
    const event: EventEntity = {
      ...stored,
      rounds: input.rounds ?? stored.rounds,
      tables: input.tables ?? stored.tables,
      seats: input.seats ?? stored.seats,
      maxMeetings:
        stored.maxMeetings === null ? null : Math.min(stored.maxMeetings, input.rounds ?? stored.rounds),
    };
    const regs = requireParticipants(await this.events.findRegistrations(event.id));
    const w = await this.weights.forActors(regs.map((r) => r.actorId));
    // The optimiser and the LP bound run in a worker thread (simulation.worker.ts).
    const objective = input.objective ?? ScheduleObjective.SUM;
    const plan = await this.pool.run({
      event,
      registrations: regs,
      weights: w.stored,
      wishes: await this.wishes.forEvent(event.id),
      objective,
      boundTimeLimitSeconds: BOUND_TIME_LIMIT_SECONDS,
    });
    const { result, bound } = plan;
    const counts = result.perParticipant.map((x) => x.meetings);
    const seatsUsed = result.rounds.reduce(
      (sum, r) => sum + r.meetings.reduce((s, m) => s + m.participantIds.length, 0),
      0,
    );
    return {
      participants: regs.length,
      rounds: event.rounds,
      meetings: result.stats.meetings,
      fillRate: regs.length ? seatsUsed / (regs.length * event.rounds) : 0,
      totalScore: result.totalScore,
      upperBound: bound,
      averageMeetingsPerParticipant: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0,
      minMeetingsPerParticipant: counts.length ? Math.min(...counts) : 0,
      maxMeetingsPerParticipant: counts.length ? Math.max(...counts) : 0,
      perParticipant: result.perParticipant.map((x) => ({
        actorId: x.id,
        meetings: x.meetings,
        score: x.score,
      })),
      unplaced: result.unplaced.map((u) => ({ actorId: u.participantId, code: u.code, reason: u.reason })),
      algorithm: result.algorithm,
      objective,
      exposure: plan.exposure,
      wishes: plan.wishes,
      fairnessBound: plan.fairnessBound,
      comparison: plan.comparison,
    };
  }
}
