import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkerService } from './job-worker.service';

@Module({ imports: [DiscoveryModule], providers: [JobWorkerService], exports: [JobWorkerService] })
export class JobWorkerModule {}
