import { Args, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { selects } from '@maillage/common';
import { Action, CurrentPrincipal, Principal, assertAllowed } from '@maillage/auth';
import { AllianceForm, Modality } from '@maillage/domain';
import { ComplementarityService } from './complementarity.service';
import { PartnerFilter, ScoringScopeInput } from './dto/complementarity.inputs';
import {
  LocalCause,
  PairExplanation,
  PartnerProposal,
  ScoringRun,
  Triad,
} from './models/complementarity.models';

@Resolver()
export class ComplementarityResolver {
  constructor(private readonly service: ComplementarityService) {}

  @Query(() => [PartnerProposal], {
    description:
      'Complementary partners of an actor, best first, with reasons. Default: ranked by the blended score (each pair’s best alliance form; `form` on each proposal says which), from the 20 stored per actor (limit ≤ 20, default 20). With `form`: ranked by that form’s score (RESOURCES, CO_PRODUCTION, POOLING, POSITIONING), 10 stored per form (limit ≤ 10, default 10). profileId (or the caller’s lab profile) re-ranks them live.',
  })
  partners(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('filter', { type: () => PartnerFilter, nullable: true }) filter?: PartnerFilter,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
    @Args('profileId', { type: () => ID, nullable: true }) profileId?: string,
    @Args('form', { type: () => AllianceForm, nullable: true }) form?: AllianceForm,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<PartnerProposal[]> {
    // Reasons are recomputed live: only when the client reads them.
    return this.service.partners(
      p,
      actorId,
      filter ?? {},
      limit,
      info ? selects(info, 'reasons') : true,
      profileId ?? null,
      form ?? null,
    );
  }

  @Query(() => PairExplanation, {
    description:
      'Score of any pair with its explanation, computed live with profileId, else the caller’s lab profile, else the platform’s.',
  })
  explainPair(
    @CurrentPrincipal() p: Principal,
    @Args('a', { type: () => ID }) a: string,
    @Args('b', { type: () => ID }) b: string,
    @Args('profileId', { type: () => ID, nullable: true }) profileId?: string,
  ): Promise<PairExplanation> {
    return this.service.explainPair(p, a, b, profileId ?? null);
  }

  @Query(() => [LocalCause], {
    description:
      'Associations near a company (territory, default its département) that need what it offers and serve its SDGs. Signed-in callers.',
  })
  localCauses(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('territory', { type: () => String, nullable: true }) territory?: string,
    @Args('sdgs', { type: () => [Int], nullable: true }) sdgs?: number[],
    @Args('modalities', { type: () => [Modality], nullable: true }) modalities?: Modality[],
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit?: number,
  ): Promise<LocalCause[]> {
    assertAllowed(p, Action.AUTHENTICATED_READ); // live scoring: signed-in callers only (SECURITY.md)
    return this.service.localCauses(p, actorId, {
      territory: territory ?? undefined,
      sdgs: sdgs ?? undefined,
      modalities: modalities ?? undefined,
      limit,
    });
  }

  @Query(() => [Triad], {
    description:
      'Association + company + public actor trios, each pair complementary (give actorId or territory). Signed-in callers.',
  })
  triads(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID, nullable: true }) actorId?: string,
    @Args('territory', { type: () => String, nullable: true }) territory?: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 10 }) limit?: number,
  ): Promise<Triad[]> {
    assertAllowed(p, Action.AUTHENTICATED_READ); // live scoring: signed-in callers only (SECURITY.md)
    return this.service.triads(p, {
      actorId: actorId ?? undefined,
      territory: territory ?? undefined,
      limit,
    });
  }

  @Query(() => ScoringRun, { description: 'A scoring rebuild (admin).' })
  scoringRun(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ScoringRun> {
    return this.service.scoringRun(p, id);
  }

  @Mutation(() => ScoringRun, {
    description: 'Rebuilds the stored partners of every actor, or of a territory (admin).',
  })
  startScoringRun(
    @CurrentPrincipal() p: Principal,
    @Args('scope', { type: () => ScoringScopeInput, nullable: true }) scope?: ScoringScopeInput,
  ): Promise<ScoringRun> {
    return this.service.startScoringRun(p, scope?.territory ?? null);
  }

  @Mutation(() => ScoringRun, {
    description:
      'Makes a profile the platform’s (stored partners are computed with it) and rebuilds them, everywhere or in a territory (admin).',
  })
  activateScoringProfile(
    @CurrentPrincipal() p: Principal,
    @Args('profileId', { type: () => ID }) profileId: string,
    @Args('territory', { type: () => String, nullable: true }) territory?: string,
  ): Promise<ScoringRun> {
    return this.service.activateScoringProfile(p, profileId, territory ?? null);
  }
}
