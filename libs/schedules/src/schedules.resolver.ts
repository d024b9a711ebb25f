import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { SimulationInput, SwapParticipantsInput } from './dto/event.inputs';
import { EventSimulation, Meeting, Schedule, ScheduleRun } from './models/event.models';
import { SchedulesService } from './schedules.service';

@Resolver(() => Schedule)
export class SchedulesResolver {
  constructor(private readonly schedules: SchedulesService) {}

  @Query(() => EventSimulation, { description: 'What-if: optimises without saving anything.' })
  simulateEvent(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input', { type: () => SimulationInput, nullable: true }) input?: SimulationInput,
  ) {
    return this.schedules.simulate(p, eventId, input ?? {});
  }

  @Mutation(() => ScheduleRun, {
    description:
      'Queues the optimiser; poll scheduleRun, then read schedule. keepLocked: a new draft keeping the ' +
      "current schedule's locked meetings and re-planning the rest.",
  })
  generateSchedule(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('keepLocked', { defaultValue: false }) keepLocked: boolean,
  ) {
    return this.schedules.requestGeneration(p, eventId, keepLocked);
  }

  @Query(() => ScheduleRun)
  scheduleRun(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.schedules.run(p, id);
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
    return this.schedules.schedule(p, eventId, version ?? undefined);
  }

  @Mutation(() => Meeting, { description: 'Locked meetings survive regeneration and re-pairing.' })
  lockMeeting(
    @CurrentPrincipal() p: Principal,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('locked', { defaultValue: true }) locked: boolean,
  ) {
    return this.schedules.lockMeeting(p, meetingId, locked);
  }

  @Mutation(() => Schedule, { description: 'Review: exchange two participants in one round of a draft.' })
  swapParticipants(@CurrentPrincipal() p: Principal, @Args('input') input: SwapParticipantsInput) {
    return this.schedules.swap(p, input);
  }

  @Mutation(() => Schedule)
  publishSchedule(
    @CurrentPrincipal() p: Principal,
    @Args('scheduleId', { type: () => ID }) scheduleId: string,
  ) {
    return this.schedules.publish(p, scheduleId);
  }

  @Mutation(() => Schedule, {
    description: 'Live re-pairing: keeps rounds before fromRound and locked meetings, re-plans the rest.',
  })
  repairSchedule(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('fromRound', { type: () => Int }) fromRound: number,
  ) {
    return this.schedules.repair(p, eventId, fromRound);
  }
}
