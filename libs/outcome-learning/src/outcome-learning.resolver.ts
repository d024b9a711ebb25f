import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { ScoringProfileModel } from '@maillage/scoring-profiles';
import { OutcomeLearningService } from './outcome-learning.service';
import { ProfileSuggestion } from './outcome-learning.models';

@Resolver()
export class OutcomeLearningResolver {
  constructor(private readonly service: OutcomeLearningService) {}

  @Query(() => ProfileSuggestion, {
    description:
      'Weights fitted on a lab’s outcomes (feedback and six-month agreements of its met pairs), with the held-out check and a French explanation. Organisers of that lab and admins.',
  })
  suggestProfileFromOutcomes(
    @CurrentPrincipal() p: Principal,
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<ProfileSuggestion> {
    return this.service.suggest(p, organisationId);
  }

  @Mutation(() => ScoringProfileModel, {
    description:
      'Saves the suggested weights as a new version of the lab profile `slug` (saveScoringProfile), and makes it the lab’s default when activate is true.',
  })
  adoptProfileFromOutcomes(
    @CurrentPrincipal() p: Principal,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('slug') slug: string,
    @Args('activate', { defaultValue: false }) activate: boolean,
  ): Promise<ScoringProfileModel> {
    return this.service.adopt(p, organisationId, slug, activate);
  }
}
