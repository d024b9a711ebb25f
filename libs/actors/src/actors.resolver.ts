import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Principal, canSeeContact } from '@maillage/auth';
import { ActorRecord } from './actor-record';
import { canSeeActor } from './actor-visibility';
import { ActorsService } from './actors.service';
import {
  ActorFilter,
  CreateActorInput,
  EndAllianceInput,
  RecordAllianceInput,
  SetCausesInput,
  SetNeedsInput,
  SetOffersInput,
  SetTerritoriesInput,
  UpdateActorInput,
} from './dto/actor.inputs';
import { Actor, ActorConnection } from './models/actor.model';

/**
 * The one exit of an actor to GraphQL: personal data only for callers the policy allows, and
 * alliances and memberships only with actors the caller may see (the one visibility rule).
 */
export function toActorModel(principal: Principal, record: ActorRecord): Actor {
  return {
    ...record,
    alliances: record.alliances.filter((a) => canSeeActor(principal, a.partner)),
    memberOf: record.memberOf.filter((h) => canSeeActor(principal, h)),
    contact: canSeeContact(principal, record) ? record.contact : null,
  } as Actor;
}

@Resolver(() => Actor)
export class ActorsResolver {
  constructor(private readonly service: ActorsService) {}

  @Query(() => Actor)
  async actor(@CurrentPrincipal() p: Principal, @Args('id', { type: () => ID }) id: string): Promise<Actor> {
    return toActorModel(p, await this.service.get(p, id));
  }

  @Query(() => ActorConnection, {
    description: 'Actors matching the filter, ordered by name; at most 100 per page.',
  })
  async actors(
    @CurrentPrincipal() p: Principal,
    @Args('filter', { type: () => ActorFilter, nullable: true }) filter?: ActorFilter,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ActorConnection> {
    const page = await this.service.list(p, filter ?? {}, first, after ?? undefined);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toActorModel(p, e.node) })) };
  }

  @Mutation(() => Actor)
  async createActor(
    @CurrentPrincipal() p: Principal,
    @Args('input') input: CreateActorInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.create(p, input));
  }

  @Mutation(() => Actor)
  async updateActor(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateActorInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.update(p, id, input));
  }

  @Mutation(() => Boolean)
  deleteActor(
    @CurrentPrincipal() p: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.service.delete(p, id);
  }

  @Mutation(() => Actor, { description: 'Replaces the offers of an actor.' })
  async setOffers(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('input') input: SetOffersInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.setOffers(p, actorId, input.offers));
  }

  @Mutation(() => Actor, { description: 'Replaces the needs of an actor.' })
  async setNeeds(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('input') input: SetNeedsInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.setNeeds(p, actorId, input.needs));
  }

  @Mutation(() => Actor, { description: 'Replaces the causes (SDGs) an actor serves.' })
  async setCauses(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('input') input: SetCausesInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.setCauses(p, actorId, input.causes));
  }

  @Mutation(() => Actor, { description: 'Sets the location commune and the territories an actor acts in.' })
  async setTerritories(
    @CurrentPrincipal() p: Principal,
    @Args('actorId', { type: () => ID }) actorId: string,
    @Args('input') input: SetTerritoriesInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.setTerritories(p, actorId, input));
  }

  @Mutation(() => Actor)
  async recordAlliance(
    @CurrentPrincipal() p: Principal,
    @Args('input') input: RecordAllianceInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.recordAlliance(p, input));
  }

  @Mutation(() => Actor)
  async endAlliance(
    @CurrentPrincipal() p: Principal,
    @Args('input') input: EndAllianceInput,
  ): Promise<Actor> {
    return toActorModel(p, await this.service.endAlliance(p, input));
  }
}
