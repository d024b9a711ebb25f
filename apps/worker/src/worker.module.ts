import { Module } from '@nestjs/common';
import { ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { JobsModule, JobWorkerModule } from '@maillage/jobs';
import { ComplementarityWorkerModule } from '@maillage/complementarity';
import { ActorImportModule } from '@maillage/actor-import';
import { EventsWorkerModule } from '@maillage/events';

/** The worker composition root: domain modules plus the BullMQ job runner, no HTTP. */
@Module({
  imports: [
    ConfigModule,
    Neo4jModule,
    DatabaseModule,
    JobsModule,
    JobWorkerModule,
    ActorImportModule,
    ComplementarityWorkerModule,
    EventsWorkerModule,
  ],
})
export class WorkerModule {}
