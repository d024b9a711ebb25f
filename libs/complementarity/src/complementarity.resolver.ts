import { Args, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { selects } from '@maillage/common';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { Modality } from '@maillage/domain';
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
      'Complementary partners of an actor from the stored top-K, best first, with reasons (limit ≤ 100).',
  })
  partners(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('filter', { type: () => PartnerFilter, nullable: true }) filter?: PartnerFilter,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit?: number,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<PartnerProposal[]> {
    // Reasons are recomputed live: only when the client reads them.
    return this.service.partners(p, actorId, filter ?? {}, limit, info ? selects(info, 'reasons') : true);
  }

  @Query(() => PairExplanation, { description: 'Score of any pair with its explanation, computed live.' })
  explainPair(
    @CurrentPrincipal() p: Principal,
    @Args('a', { type: () => ID }) a: string,
    @Args('b', { type: () => ID }) b: string,
  ): Promise<PairExplanation> {
    return this.service.explainPair(p, a, b);
  }

  @Query(() => [LocalCause], {
    description:
      'Associations near a company (territory, default its département) that need what it offers and serve its SDGs.',
  })
  localCauses(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('territory', { type: () => String, nullable: true }) territory?: string,
    @Args('sdgs', { type: () => [Int], nullable: true }) sdgs?: number[],
    @Args('modalities', { type: () => [Modality], nullable: true }) modalities?: Modality[],
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 20 }) limit?: number,
  ): Promise<LocalCause[]> {
    return this.service.localCauses(p, actorId, {
      territory: territory ?? undefined,
      sdgs: sdgs ?? undefined,
      modalities: modalities ?? undefined,
      limit,
    });
  }

  @Query(() => [Triad], {
    description:
      'Association + company + public actor trios, each pair complementary (give actorId or territory).',
  })
  triads(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID, nullable: true }) actorId?: string,
    @Args('territory', { type: () => String, nullable: true }) territory?: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 10 }) limit?: number,
  ): Promise<Triad[]> {
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
}
