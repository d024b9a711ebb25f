import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Neo4jService } from '@maillage/neo4j';
import { JobsService } from '@maillage/jobs';

/** GET /health: Neo4j, PostgreSQL and Redis, each up or down with a reason. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly neo4j: Neo4jService,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.ping('neo4j', () => this.neo4j.ping()),
      () => this.db.pingCheck('postgresql', { timeout: 3000 }),
      () => this.ping('redis', () => this.jobs.ping()),
    ]);
  }

  private async ping(key: string, probe: () => Promise<void>) {
    const session = this.indicators.check(key);
    try {
      await withTimeout(probe(), 3000);
      return session.up();
    } catch (err) {
      return session.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
