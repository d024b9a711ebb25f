import { Injectable, Logger } from '@nestjs/common';
import { EventsService } from '@maillage/events';
import { lpUpperBound } from '@maillage/schedule-bounds';
import { ScheduleEntity } from './entities/schedule.entity';
import { PairWeightsService } from './pair-weights.service';
import { toMeetingRows } from './schedule-meetings';
import { buildScheduleProblem } from './schedule-problem';
import { BOUND_TIME_LIMIT_SECONDS, optimiseBestEffort, requireParticipants } from './schedule-solver';
import { SchedulesRepository } from './schedules.repository';

/** The GENERATE_SCHEDULE job's work: a new draft version of an event's schedule. */
@Injectable()
export class ScheduleGenerationService {
  private readonly logger = new Logger(ScheduleGenerationService.name);

  constructor(
    private readonly events: EventsService,
    private readonly repo: SchedulesRepository,
    private readonly weights: PairWeightsService,
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
  ): Promise<ScheduleEntity> {
    const event = await this.events.load(eventId);
    const regs = requireParticipants(await this.events.findRegistrations(event.id));
    const w = await this.weights.forActors(
      regs.map((r) => r.actorId),
      event.organisationId,
    );
    await onStep();
    // Regenerating the unlocked part: the current schedule's locked meetings are kept as they are.
    const current = keepLocked ? await this.repo.current(event.id) : null;
    const locked = current ? (await this.repo.meetingsOf(current.id)).filter((m) => m.locked) : [];
    const problem = buildScheduleProblem(event, regs, w.stored, locked);
    const result = await optimiseBestEffort(problem);
    await onStep();
    const bound = await lpUpperBound(problem, { timeLimitSeconds: BOUND_TIME_LIMIT_SECONDS }).catch((err) => {
      this.logger.warn(`LP bound failed for event ${event.id}: ${(err as Error).name}`);
      return null;
    });
    await onStep();
    const schedule = await this.repo.saveNew({
      eventId: event.id,
      jobRunId: runId,
      algorithm: result.algorithm,
      totalScore: result.totalScore,
      upperBound: bound && Number.isFinite(bound.value) ? bound.value : null,
      unplaced: result.unplaced.map((u) => ({ ...u })),
      pairWeights: w.stored,
      meetings: toMeetingRows(result, 0, w.explain, keepLocked),
    });
    await onStep();
    return schedule;
  }
}
