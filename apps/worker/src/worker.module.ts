import { Module } from '@nestjs/common';
import { ConfigModule } from '@maillage/config';
import { Neo4jModule } from '@maillage/neo4j';
import { DatabaseModule } from '@maillage/database';
import { ENTITIES } from '@maillage/entities';
import { JobsCoreModule, JobsWorkerModule } from '@maillage/jobs';
import { ComplementarityWorkerModule } from '@maillage/complementarity';
import { ActorImportWorkerModule } from '@maillage/actor-import';
import { EventsCoreModule } from '@maillage/events';
import { SchedulesCoreModule, SchedulesWorkerModule } from '@maillage/schedules';
import { FollowUpCoreModule, FollowUpWorkerModule } from '@maillage/follow-up';
import { OutboxCoreModule, OutboxWorkerModule } from '@maillage/outbox';
import { HealthWorkerModule } from '@maillage/health';
import { AuthWorkerModule } from '@maillage/auth';
import { InvitationsWorkerModule } from '@maillage/invitations';

/**
 * The worker composition root: domain modules plus the BullMQ job runner, no HTTP. It imports
 * XCoreModule and XWorkerModule modules only: never a resolver (XGraphqlModule).
 */
@Module({
  imports: [
    ConfigModule,
    Neo4jModule,
    DatabaseModule.forRoot(ENTITIES),
    JobsCoreModule,
    JobsWorkerModule,
    ActorImportWorkerModule,
    ComplementarityWorkerModule,
    EventsCoreModule,
    SchedulesCoreModule,
    SchedulesWorkerModule,
    FollowUpCoreModule,
    FollowUpWorkerModule,
    OutboxCoreModule,
    OutboxWorkerModule,
    HealthWorkerModule,
    AuthWorkerModule,
    InvitationsWorkerModule,
  ],
})
export class WorkerModule {}
