import { Module } from '@nestjs/common';
import { ActorsRepository } from './actors.repository';
import { ActorsService } from './actors.service';
import { ActorsResolver } from './actors.resolver';

/** Actors in the graph: the repository and the use cases, for every process. */
@Module({
  providers: [ActorsRepository, ActorsService],
  exports: [ActorsRepository, ActorsService],
})
export class ActorsCoreModule {}

/** API side: the actors' GraphQL queries and mutations. */
@Module({ imports: [ActorsCoreModule], providers: [ActorsResolver] })
export class ActorsGraphqlModule {}
