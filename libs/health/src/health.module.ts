import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { StoreProbes } from './store-probes';
import { WorkerHealthServer } from './worker-health.server';

/**
 * API side: GET /health/live, /health/ready (and /health). HTTP transport, the REST counterpart of
 * an XGraphqlModule; only the API imports it.
 */
@Module({ imports: [TerminusModule], providers: [StoreProbes], controllers: [HealthController] })
export class HealthHttpModule {}

/** Worker side: the same probes on WORKER_HEALTH_PORT (the worker has no HTTP server otherwise). */
@Module({ providers: [StoreProbes, WorkerHealthServer], exports: [WorkerHealthServer] })
export class HealthWorkerModule {}
