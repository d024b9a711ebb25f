import { Injectable } from '@nestjs/common';
import { EventsService } from '@maillage/events';
import { WishReport, WishesService } from '@maillage/wishes';
import { ScheduleEntity } from './entities/schedule.entity';
import { PairWeightsService } from './pair-weights.service';
import { toMeetingRows } from './schedule-meetings';
import { Objective, PlanOutcome, planSchedule } from '@maillage/schedule-objectives';
import { eventProblem } from './schedule-problem';
import { BOUND_TIME_LIMIT_SECONDS, asDomainError, requireParticipants } from './schedule-solver';
import { SchedulesRepository } from './schedules.repository';

/** The GENERATE_SCHEDULE job's work: a new draft version of an event's schedule. */
@Injectable()
export class ScheduleGenerationService {
  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly weights: PairWeightsService,
    private readonly wishes: WishesService,
  ) {}

  /**
   * Weights from the complementarity engine, optimisation, LP bound, then one transaction saving
   * the draft. Domain errors (e.g. too few participants) fail the run cleanly.
   */
  async generate(
    runId: string,
    eventId: string,
    onStep: () => Promise<void>,
    keepLocked = false,
    objective: Objective = 'SUM',
  ): Promise<ScheduleEntity & { wishes: WishReport }> {
    const event = await this.events.load(eventId);
    const regs = requireParticipants(await this.events.findRegistrations(event.id));
    const w = await this.weights.forActors(regs.map((r) => r.actorId));
    const wishes = await this.wishes.forEvent(event.id);
    await onStep();
    // Regenerating the unlocked part: the current schedule's locked meetings are kept as they are.
    const current = keepLocked ? await this.repo.current(event.id) : null;
    const locked = current ? (await this.repo.meetingsOf(current.id)).filter((m) => m.locked) : [];
    const { problem, pairs, weights } = eventProblem(event, regs, w.stored, wishes, locked);
    let plan: PlanOutcome;
    try {
      plan = await planSchedule(problem, pairs, objective, BOUND_TIME_LIMIT_SECONDS);
    } catch (err) {
      throw asDomainError(err);
    }
    await onStep();
    await onStep();
    const { result } = plan;
    const schedule = await this.repo.saveNew({
      eventId: event.id,
      jobRunId: runId,
      algorithm: result.algorithm,
      totalScore: result.totalScore,
      upperBound: plan.bound,
      unplaced: result.unplaced.map((u) => ({ ...u })),
      // Refused pairs are stored with the weights: live re-pairing keeps them apart too.
      pairWeights: weights,
      objective,
      fairnessBound: plan.fairnessBound,
      meetings: toMeetingRows(result, 0, w.explain, keepLocked),
    });
    await onStep();
    return { ...schedule, wishes: plan.wishes };
  }
}
