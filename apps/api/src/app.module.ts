import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { JobsModule } from '@maillage/jobs';
import { AuthGuard, AuthModule, AuthResolver } from '@maillage/auth';
import { DomainErrorFilter, InputValidationPipe } from '@maillage/common';
import { HealthModule } from '@maillage/health';
import { ActorsModule } from '@maillage/actors';
import { ReferenceGraphqlModule } from '@maillage/reference';
import { ComplementarityModule } from '@maillage/complementarity';
import { ActorImportModule } from '@maillage/actor-import';
import { EventsModule } from '@maillage/events';
import { graphqlOptions } from './graphql.config';

/** The API composition root: transport (GraphQL, HTTP health) around the shared domain modules. */
@Module({
  imports: [
    ConfigModule,
    Neo4jModule,
    DatabaseModule,
    JobsModule,
    AuthModule,
    HealthModule,
    ActorsModule,
    ReferenceGraphqlModule,
    ComplementarityModule,
    ActorImportModule,
    EventsModule,
    GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions() }),
  ],
  providers: [
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
})
export class AppModule {}
