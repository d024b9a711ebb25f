import { Module } from '@nestjs/common';
import { ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { JobsCoreModule, JobsWorkerModule } from '@maillage/jobs';
import { ComplementarityWorkerModule } from '@maillage/complementarity';
import { ActorImportWorkerModule } from '@maillage/actor-import';
import { EventsWorkerModule } from '@maillage/events';

/**
 * The worker composition root: domain modules plus the BullMQ job runner, no HTTP. It imports
 * XCoreModule and XWorkerModule modules only: never a resolver (XGraphqlModule).
 */
@Module({
  imports: [
    ConfigModule,
    Neo4jModule,
    DatabaseModule,
    JobsCoreModule,
    JobsWorkerModule,
    ActorImportWorkerModule,
    ComplementarityWorkerModule,
    EventsWorkerModule,
  ],
})
export class WorkerModule {}
