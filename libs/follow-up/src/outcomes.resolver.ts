import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { OutcomeSurveyInput } from './dto/follow-up.inputs';
import { FollowUpStatsService } from './follow-up-stats.service';
import { LabStats, OutcomeSurvey, ShowcaseAlliance, SurveyDue } from './models/follow-up.models';
import { OutcomeSurveysService } from './outcome-surveys.service';
import { ShowcaseService } from './showcase.service';

/** After the day: outcome surveys, per-lab statistics, the showcase of alliances. */
@Resolver()
export class OutcomesResolver {
  constructor(
    private readonly outcomes: OutcomeSurveysService,
    private readonly stats: FollowUpStatsService,
    private readonly showcase: ShowcaseService,
  ) {}

  @Mutation(() => OutcomeSurvey, {
    description:
      'The six-month outcome of a meeting pair (updated when recorded again); an AGREEMENT records the ' +
      'alliance in the graph through the outbox.',
  })
  recordOutcomeSurvey(@CurrentPrincipal() p: Principal, @Args('input') input: OutcomeSurveyInput) {
    return this.outcomes.record(p, input);
  }

  @Query(() => [SurveyDue], {
    description:
      "Meeting pairs of your lab's events (or of one event) whose six-month survey is due and not recorded " +
      '(at most 500, oldest event first).',
  })
  meetingsDueForSurvey(
    @CurrentPrincipal() p: Principal,
    @Args('eventId', { type: () => ID, nullable: true }) eventId?: string,
  ) {
    return this.outcomes.due(p, eventId ?? undefined);
  }

  @Query(() => LabStats, { description: "eventStats summed over a lab's events (its organisers, admins)." })
  labStats(
    @CurrentPrincipal() p: Principal,
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ) {
    return this.stats.labStats(p, organisationId);
  }

  @Query(() => [ShowcaseAlliance], {
    description: 'Exemplary alliances born at events (well-rated agreements); organisations only.',
  })
  showcaseAlliances(
    @CurrentPrincipal() p: Principal,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number,
  ) {
    return this.showcase.showcase(p, limit);
  }
}
