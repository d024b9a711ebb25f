import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkerService } from './job-worker.service';
import { SweeperService } from './sweeper.service';

/**
 * Consumer side, for the worker only: discovers the @JobHandler methods and runs the queues; the
 * sweeper re-enqueues what Redis lost or never got.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [JobWorkerService, SweeperService],
  exports: [JobWorkerService, SweeperService],
})
export class JobsWorkerModule {}
