import type { IncomingMessage, ServerResponse } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { AuthService, Role } from '@maillage/auth';
import { APP_CONFIG, AppConfig } from '@maillage/config';
import { JobsService, QueueName } from '@maillage/jobs';
import { bearerMatches, metrics } from '@maillage/observability';

type Next = (err?: unknown) => void;

function refuse(res: ServerResponse, status: 401 | 403, message: string): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
  });
  res.end(JSON.stringify({ error: message }));
}

/**
 * 'admin' when the request's Bearer credential (an API key or a token minted from one) belongs to
 * an admin user, as AuthService decides for GraphQL; 'none' without a credential; 'other' otherwise.
 */
async function callerOf(auth: AuthService, req: IncomingMessage): Promise<'admin' | 'other' | 'none'> {
  const header = req.headers.authorization;
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return 'none';
  try {
    const principal = await auth.authenticate(match[1]);
    return principal.kind === 'user' && principal.role === Role.ADMIN ? 'admin' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * Operator routes on the API's HTTP server, both closed to the public:
 * - GET /metrics (Prometheus): `Authorization: Bearer $METRICS_TOKEN`, or an admin's credential.
 * - /admin/queues (Bull Board, read-only): an admin's credential only.
 * Mounted before Nest's router, outside GraphQL (no rate limit or body cap applies; the scrape
 * costs a few Redis and PostgreSQL counts).
 */
export function mountOpsRoutes(app: INestApplication): void {
  const auth = app.get(AuthService);
  const config = app.get<AppConfig>(APP_CONFIG);
  const jobs = app.get(JobsService);

  app.use('/metrics', (req: IncomingMessage, res: ServerResponse, next: Next) => {
    if (req.method !== 'GET') return next();
    void (async () => {
      if (!bearerMatches(req.headers.authorization, config.METRICS_TOKEN)) {
        const caller = await callerOf(auth, req);
        if (caller !== 'admin')
          return refuse(res, caller === 'none' ? 401 : 403, 'metrics need METRICS_TOKEN or an admin key');
      }
      const { contentType, body } = await metrics.exposition();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    })().catch(next);
  });

  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({
    // Read-only: runs are retried by the sweeper and by startScoringRun, with their job-run rows.
    queues: Object.values(QueueName).map((q) => new BullMQAdapter(jobs.queue(q), { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Maillage queues' } },
  });
  const router = board.getRouter() as (req: IncomingMessage, res: ServerResponse, next: Next) => void;
  app.use('/admin/queues', (req: IncomingMessage, res: ServerResponse, next: Next) => {
    void callerOf(auth, req)
      .then((caller) =>
        caller === 'admin'
          ? router(req, res, next)
          : refuse(res, caller === 'none' ? 401 : 403, 'the queue dashboard is for admins'),
      )
      .catch(next);
  });
}
