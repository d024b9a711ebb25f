import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsService } from './jobs.service';
import { JobRunEntity } from './job-run.entity';
import { JobRunsService } from './job-runs.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobRunEntity])],
  providers: [JobsService, JobRunsService],
  exports: [JobsService, JobRunsService],
})
export class JobsModule {}
