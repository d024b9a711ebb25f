import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { bearerMatches, metrics } from '@maillage/observability';
import { StoreProbes } from './store-probes';

/**
 * The worker has no HTTP API; when WORKER_HEALTH_PORT is set it answers the same probes as the
 * API on that port: GET /health/live (the event loop answers) and GET /health/ready (stores,
 * 200 or 503 within 2 s), and GET /metrics (Prometheus: job durations and failures, queue depth,
 * outbox rows, process memory). Plain node:http: three routes do not need a framework.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server: Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly probes: StoreProbes,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.WORKER_HEALTH_PORT;
    if (port === undefined) return;
    const server = createServer((req, res) => {
      const send = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'GET') return send(405, { status: 'error' });
      if (req.url === '/health/live') return send(200, { status: 'ok' });
      if (req.url === '/health/ready' || req.url === '/health') {
        void this.probes.all().then((stores) => {
          const ok = Object.values(stores).every((s) => s.status === 'up');
          send(ok ? 200 : 503, { status: ok ? 'ok' : 'error', stores });
        });
        return;
      }
      if (req.url === '/metrics') {
        // The health port is an internal one (HOST, loopback by default); with METRICS_TOKEN set the
        // scraper must also present it.
        if (this.config.METRICS_TOKEN && !bearerMatches(req.headers.authorization, this.config.METRICS_TOKEN))
          return send(401, { status: 'error' });
        void metrics.exposition().then(
          ({ contentType, body }) => (res.writeHead(200, { 'content-type': contentType }), res.end(body)),
          () => send(500, { status: 'error' }),
        );
        return;
      }
      send(404, { status: 'error' });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.HOST, () => resolve());
    });
    this.server = server;
    this.logger.debug(`health probes on http://${this.config.HOST}:${this.port()}/health/{live,ready}`);
  }

  /** The bound port (useful with WORKER_HEALTH_PORT=0). */
  port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
