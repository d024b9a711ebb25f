import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkerService } from './job-worker.service';

/** Consumer side, for the worker only: discovers the @JobHandler methods and runs the queues. */
@Module({ imports: [DiscoveryModule], providers: [JobWorkerService], exports: [JobWorkerService] })
export class JobsWorkerModule {}
