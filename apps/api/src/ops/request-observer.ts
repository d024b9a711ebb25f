import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { metrics, runWithLogContext } from '@maillage/observability';

/** What the GraphQL plugin learns about a request, read back when its response is sent. */
export interface Observed {
  requestId: string;
  /** Operation type and root fields ("query:partners"): a bounded label, from the schema. */
  operation?: string;
  /** The client's operationName, when it is a plain identifier (free text is not logged). */
  operationName?: string;
  /** 'ok' or the first error's code. */
  outcome?: string;
}
export type ObservedRequest = IncomingMessage & { observed?: Observed; originalUrl?: string };

/** A client's X-Request-Id is kept when it looks like an id; anything else gets a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Refusals that never reach GraphQL (rate limits, body caps, malformed bodies) keep their meaning. */
function outcomeOfStatus(status: number): string {
  if (status < 400) return 'ok';
  return (
    {
      400: 'BAD_REQUEST',
      401: 'UNAUTHENTICATED',
      403: 'FORBIDDEN',
      413: 'PAYLOAD_TOO_LARGE',
      429: 'RATE_LIMITED',
    }[status] ?? (status === 503 ? 'SERVICE_UNAVAILABLE' : `HTTP_${status}`)
  );
}

/**
 * First middleware of the API: gives each request an id (X-Request-Id, echoed back), runs the rest
 * of the request in a log context carrying it, and on the response writes one access-log line
 * (method, path, status, duration, GraphQL operation and outcome — never headers, variables or
 * bodies) and the GraphQL latency histogram. Probes and scrapes log at debug only.
 */
export function requestObserver(logger: Logger) {
  return (req: ObservedRequest, res: ServerResponse, next: () => void): void => {
    const header = req.headers['x-request-id'];
    const given = Array.isArray(header) ? header[0] : header;
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    const observed: Observed = { requestId };
    req.observed = observed;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const isGraphql = path === '/graphql';
      const outcome = observed.outcome ?? outcomeOfStatus(res.statusCode);
      if (isGraphql)
        metrics.graphqlDuration.observe({ operation: observed.operation ?? 'unparsed', outcome }, seconds);
      const quiet = path.startsWith('/health') || path === '/metrics';
      logger[quiet ? 'debug' : 'info'](
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(seconds * 10_000) / 10,
          ...(isGraphql
            ? { operation: observed.operation ?? 'unparsed', operationName: observed.operationName, outcome }
            : {}),
        },
        'request',
      );
    });
    runWithLogContext({ requestId }, next);
  };
}
