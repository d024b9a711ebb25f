import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeferredJobEntity } from './deferred-job.entity';
import { JobDeferrals } from './job-deferrals.service';
import { JobsService } from './jobs.service';
import { JobRunEntity } from './job-run.entity';
import { JobRunsService } from './job-runs.service';
import { ScoringRequests } from './scoring-requests';
import { JobRunsPersonalData, QueuedJobsPersonalData } from './jobs.personal-data';

/** This lib's tables, for TypeORM's forFeature and the app-wide entity list. */
export const JOB_ENTITIES = [JobRunEntity, DeferredJobEntity];

/** Producer side, for every process: the typed enqueue, job runs and the rescore entry point. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(JOB_ENTITIES)],
  providers: [
    JobsService,
    JobRunsService,
    JobDeferrals,
    ScoringRequests,
    JobRunsPersonalData,
    QueuedJobsPersonalData,
  ],
  exports: [JobsService, JobRunsService, JobDeferrals, ScoringRequests],
})
export class JobsCoreModule {}
