import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { SaveScoringProfileInput } from './dto/scoring-profile.inputs';
import { ScoringProfileModel } from './models/scoring-profile.models';
import { ScoringProfilesService } from './scoring-profiles.service';

@Resolver(() => ScoringProfileModel)
export class ScoringProfilesResolver {
  constructor(private readonly service: ScoringProfilesService) {}

  @Query(() => [ScoringProfileModel], {
    description: 'Every scoring profile version (built-in default first, then by slug, newest first).',
  })
  scoringProfiles(@CurrentPrincipal() p: Principal): Promise<ScoringProfileModel[]> {
    return this.service.list(p);
  }

  @Query(() => ScoringProfileModel, {
    description: 'A profile by "slug@version", or by slug (latest version).',
  })
  scoringProfile(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ScoringProfileModel> {
    return this.service.get(p, id);
  }

  @Mutation(() => ScoringProfileModel, {
    description: 'Saves a new version of a profile (admin, organiser). Does not activate it.',
  })
  saveScoringProfile(
    @CurrentPrincipal() p: Principal,
    @Args('input', { type: () => SaveScoringProfileInput }) input: SaveScoringProfileInput,
  ): Promise<ScoringProfileModel> {
    return this.service.save(p, input);
  }

  @Mutation(() => ScoringProfileModel, {
    description:
      'The caller’s organisation’s default profile for live scores (explainPair, partners re-ranking, local causes, triads); null resets to the platform’s. Stored partners are unchanged, so no rebuild (admin, organiser).',
  })
  setOrganisationScoringProfile(
    @CurrentPrincipal() p: Principal,
    @Args('profileId', { type: () => ID, nullable: true }) profileId?: string,
  ): Promise<ScoringProfileModel> {
    return this.service.setForOrganisation(p, profileId ?? null);
  }
}
