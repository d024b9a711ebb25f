import { Module } from '@nestjs/common';
import { ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { ENTITIES } from '@maillage/entities';
import { JobsModule } from '@maillage/jobs';
import { AuthModule } from '@maillage/auth';

/** What CLI commands need: the same domain modules as the apps, no transport. */
@Module({ imports: [ConfigModule, Neo4jModule, DatabaseModule.forRoot(ENTITIES), JobsModule, AuthModule] })
export class CliModule {}
