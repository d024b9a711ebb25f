import { Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { JobsModule } from '@maillage/jobs';
import { AuthGuard, AuthModule, AuthResolver } from '@maillage/auth';
import { InputValidationPipe } from '@maillage/common';
import { HealthModule } from '@maillage/health';
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
    GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions() }),
  ],
  providers: [
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
  ],
})
export class AppModule {}
