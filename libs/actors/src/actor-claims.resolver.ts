import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal } from '@maillage/auth';
import { ActorClaimsService } from './actor-claims.service';
import { toActorModel } from './actors.resolver';
import { Actor, ActorClaim } from './models/actor.model';

@Resolver()
export class ActorClaimsResolver {
  constructor(private readonly claims: ActorClaimsService) {}

  @Mutation(() => Actor, {
    description:
      'An organiser takes over the management of an actor managed by nobody, for its organisation; the reason is audited (actorClaims).',
  })
  async claimActor(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('reason') reason: string,
  ): Promise<Actor> {
    return toActorModel(p, await this.claims.claim(p, actorId, reason));
  }

  @Query(() => [ActorClaim], { description: 'The audit of actor claims, newest first (admins).' })
  async actorClaims(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID, nullable: true }) actorId?: string,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit = 50,
  ): Promise<ActorClaim[]> {
    return (await this.claims.list(p, actorId ?? null, limit)).map((c) => ({
      id: c.id,
      actorId: c.actorId,
      organisationId: c.organisationId,
      claimedBy: c.claimedBy,
      reason: c.reason,
      claimedAt: c.createdAt,
    }));
  }
}
