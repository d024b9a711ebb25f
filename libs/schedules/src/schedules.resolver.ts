import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { SimulationInput, SwapParticipantsInput } from './dto/schedule.inputs';
import { LiveRepairService } from './live-repair.service';
import { ScheduleObjective } from '@maillage/schedule-objectives';
import { EventSimulation, Meeting, Schedule, ScheduleRun } from './models/schedule.models';
import { SchedulePublicationService } from './schedule-publication.service';
import { ScheduleReviewService } from './schedule-review.service';
import { ScheduleRunsService } from './schedule-runs.service';
import { ScheduleSimulationService } from './schedule-simulation.service';
import { ScheduleViewsService } from './schedule-views.service';

/** Simulation, generation runs, review, publication and live re-pairing of an event's schedule. */
@Resolver(() => Schedule)
export class SchedulesResolver {
  constructor(
    private readonly simulation: ScheduleSimulationService,
    private readonly runs: ScheduleRunsService,
    private readonly views: ScheduleViewsService,
    private readonly review: ScheduleReviewService,
    private readonly publication: SchedulePublicationService,
    private readonly repairs: LiveRepairService,
  ) {}

  @Query(() => EventSimulation, { description: 'What-if: optimises without saving anything.' })
  simulateEvent(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input', { type: () => SimulationInput, nullable: true }) input?: SimulationInput,
  ) {
    return this.simulation.simulate(p, eventId, input ?? {});
  }

  @Mutation(() => ScheduleRun, {
    description:
      'Queues the optimiser; poll scheduleRun, then read schedule. keepLocked: a new draft keeping the ' +
      "current schedule's locked meetings and re-planning the rest. objective FAIRNESS (équité): the " +
      'worst-off participants first, then the total; its LP bounds are on the schedule.',
  })
  generateSchedule(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('keepLocked', { defaultValue: false }) keepLocked: boolean,
    @Args('objective', { type: () => ScheduleObjective, defaultValue: ScheduleObjective.SUM })
    objective: ScheduleObjective,
  ) {
    return this.runs.requestGeneration(p, eventId, keepLocked, objective);
  }

  @Query(() => ScheduleRun)
  scheduleRun(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.runs.run(p, id);
  }

  @Query(() => Schedule, {
    nullable: true,
    description: 'The published schedule, else the latest draft (or a given version).',
  })
  schedule(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ) {
    return this.views.schedule(p, eventId, version ?? undefined);
  }

  @Mutation(() => Meeting, { description: 'Locked meetings survive regeneration and re-pairing.' })
  lockMeeting(
    @CurrentPrincipal() p: Principal,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('locked', { defaultValue: true }) locked: boolean,
  ) {
    return this.review.lockMeeting(p, meetingId, locked);
  }

  @Mutation(() => Schedule, { description: 'Review: exchange two participants in one round of a draft.' })
  swapParticipants(@CurrentPrincipal() p: Principal, @Args('input') input: SwapParticipantsInput) {
    return this.review.swap(p, input);
  }

  @Mutation(() => Schedule)
  publishSchedule(
    @CurrentPrincipal() p: Principal,
    @Args('scheduleId', { type: () => ID }) scheduleId: string,
  ) {
    return this.publication.publish(p, scheduleId);
  }

  @Mutation(() => Schedule, {
    description: 'Live re-pairing: keeps rounds before fromRound and locked meetings, re-plans the rest.',
  })
  repairSchedule(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('fromRound', { type: () => Int }) fromRound: number,
  ) {
    return this.repairs.repair(p, eventId, fromRound);
  }
}
