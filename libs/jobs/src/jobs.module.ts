import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsService } from './jobs.service';
import { JOB_ENTITIES } from './job-run.entity';
import { JobRunsService } from './job-runs.service';
import { ScoringRequests } from './scoring-requests';

/** Producer side, for every process: the typed enqueue, job runs and the rescore entry point. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(JOB_ENTITIES)],
  providers: [JobsService, JobRunsService, ScoringRequests],
  exports: [JobsService, JobRunsService, ScoringRequests],
})
export class JobsCoreModule {}
