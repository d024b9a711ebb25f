import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';

/**
 * API side: GET /health. HTTP transport, the REST counterpart of an XGraphqlModule (the lib has no
 * services of its own, so no core module); only the API imports it.
 */
@Module({ imports: [TerminusModule], controllers: [HealthController] })
export class HealthHttpModule {}
