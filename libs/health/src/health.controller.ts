import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { StoreName, StoreProbes } from './store-probes';

/**
 * Probes for an orchestrator or a load balancer:
 * - GET /health/live: the process answers (restart it when this fails); touches no store.
 * - GET /health/ready: Neo4j, PostgreSQL and Redis, each up or down with the error's kind, each
 *   check bounded to 1.5 s (stop routing requests while it answers 503).
 * - GET /health: same as /health/ready (kept for existing probes).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly probes: StoreProbes,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(
      (['neo4j', 'postgresql', 'redis'] as StoreName[]).map((store) => () => this.checkOne(store)),
    );
  }

  @Get()
  @HealthCheck()
  check() {
    return this.ready();
  }

  private async checkOne(store: StoreName) {
    const session = this.indicators.check(store);
    const result = await this.probes.probe(store);
    return result.status === 'up' ? session.up() : session.down({ message: result.error });
  }
}
