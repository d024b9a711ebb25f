import { Module } from '@nestjs/common';
import { ActorsRepository } from './actors.repository';
import { ActorsService } from './actors.service';
import { ActorsResolver } from './actors.resolver';
import { ContactsPersonalData } from './contacts.personal-data';
import { ActorClaimsService } from './actor-claims.service';
import { ActorClaimsResolver } from './actor-claims.resolver';
import { ActorClaimsPersonalData } from './actor-claims.personal-data';

/** Actors in the graph: the repository and the use cases, for every process. */
@Module({
  providers: [
    ActorsRepository,
    ActorsService,
    ActorClaimsService,
    ContactsPersonalData,
    ActorClaimsPersonalData,
  ],
  exports: [ActorsRepository, ActorsService, ActorClaimsService],
})
export class ActorsCoreModule {}

/** API side: the actors' GraphQL queries and mutations. */
@Module({ imports: [ActorsCoreModule], providers: [ActorsResolver, ActorClaimsResolver] })
export class ActorsGraphqlModule {}
