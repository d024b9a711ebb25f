import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { ENTITIES } from '@maillage/entities';
import { JobsCoreModule } from '@maillage/jobs';
import { AuthCoreModule, AuthGraphqlModule, AuthGuard } from '@maillage/auth';
import { DomainErrorFilter, InputValidationPipe } from '@maillage/common';
import { HealthHttpModule } from '@maillage/health';
import { ActorsGraphqlModule } from '@maillage/actors';
import { ReferenceGraphqlModule } from '@maillage/reference';
import { ComplementarityGraphqlModule } from '@maillage/complementarity';
import { ScoringProfilesGraphqlModule } from '@maillage/scoring-profiles';
import { ActorImportGraphqlModule } from '@maillage/actor-import';
import { EventsCoreModule, EventsGraphqlModule } from '@maillage/events';
import { SchedulesCoreModule, SchedulesGraphqlModule } from '@maillage/schedules';
import { AgendasCoreModule, AgendasGraphqlModule } from '@maillage/agendas';
import { FollowUpCoreModule, FollowUpGraphqlModule } from '@maillage/follow-up';
import { WishesCoreModule, WishesGraphqlModule } from '@maillage/wishes';
import { OutboxCoreModule } from '@maillage/outbox';
import { InvitationsGraphqlModule } from '@maillage/invitations';
import { OutcomeLearningGraphqlModule } from '@maillage/outcome-learning';
import { graphqlOptions } from './graphql.config';
import { ApiLimitsModule } from './limits/limits.module';

/**
 * The API composition root: transport (GraphQL, HTTP health) around the shared domain modules.
 * It imports XCoreModule and XGraphqlModule modules only: never a job handler (XWorkerModule).
 */
@Module({
  imports: [
    ConfigModule,
    Neo4jModule,
    DatabaseModule.forRoot(ENTITIES),
    JobsCoreModule,
    AuthCoreModule,
    AuthGraphqlModule,
    InvitationsGraphqlModule,
    HealthHttpModule,
    ActorsGraphqlModule,
    ReferenceGraphqlModule,
    ComplementarityGraphqlModule,
    ScoringProfilesGraphqlModule,
    ActorImportGraphqlModule,
    EventsCoreModule,
    EventsGraphqlModule,
    SchedulesCoreModule,
    SchedulesGraphqlModule,
    WishesCoreModule,
    WishesGraphqlModule,
    AgendasCoreModule,
    AgendasGraphqlModule,
    FollowUpCoreModule,
    FollowUpGraphqlModule,
    OutcomeLearningGraphqlModule,
    OutboxCoreModule,
    ApiLimitsModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => graphqlOptions(config),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
})
export class AppModule {}
