/**
 * Recognises "a store is unavailable" among driver errors, without importing the drivers: by the
 * error's class name, code and (for the few errors that carry no code) a fixed message prefix.
 * Used by the GraphQL formatter (SERVICE_UNAVAILABLE, retryable) and by the outbox relay (a store
 * outage is no reason to dead-letter a row).
 */
export type Store = 'neo4j' | 'postgresql' | 'redis';

/** Socket-level failures: the server is down, restarting or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** PostgreSQL SQLSTATEs of a server shutting down or refusing connections (class 08 is handled below). */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);
const NEO4J_UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
/** Errors of the pg pool that carry no code. */
const PG_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error',
];

/**
 * The Redis client's (ioredis) errors that carry no code, only a fixed message holding no data, by
 * the code this project names them with. The first two say the connection is gone.
 */
const REDIS_MESSAGE_CODES: ReadonlyMap<string, string> = new Map([
  ['Connection is closed.', 'CONNECTION_CLOSED'],
  ["Stream isn't writeable and enableOfflineQueue options is false", 'OFFLINE'],
  ['Command timed out', 'COMMAND_TIMEOUT'],
  ['connect ETIMEDOUT', 'ETIMEDOUT'],
]);
const REDIS_GONE = new Set(['CONNECTION_CLOSED', 'OFFLINE']);

/** The code of a code-less Redis client error, from its exact fixed message; undefined for any other. */
export function redisMessageCode(message: string): string | undefined {
  return REDIS_MESSAGE_CODES.get(message);
}

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The store an error says is unavailable, or null when it is some other failure. */
export function unavailableStore(err: unknown, depth = 0): Store | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const e = err as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (name === 'Neo4jError' || name === 'GQLError') {
    if (NEO4J_UNAVAILABLE.has(code) || message.startsWith('Connection acquisition timed out')) return 'neo4j';
    // A deadlock or lock timeout the driver's retries (NEO4J_TX_RETRY_MS) did not outlast: Neo4j is
    // busy, not broken; the same request succeeds when retried (the soak benchmark: an edit racing
    // the worker's rewrite of the partner edges of the same actors).
    if (code.startsWith('Neo.TransientError.')) return 'neo4j';
    return null;
  }
  if (name === 'JobEnqueueError' || name === 'RedisUnavailableError') return 'redis';
  if (/^(MaxRetriesPerRequestError|ConnectionClosedError)$/.test(name)) return 'redis';
  if (REDIS_GONE.has(redisMessageCode(message) ?? '')) return 'redis';
  // TypeORM wraps the pg error (QueryFailedError.driverError); Node wraps dual-stack connect
  // failures in an AggregateError (errors[]).
  const inner = unavailableStore(e.driverError, depth + 1) ?? unavailableStore(e.cause, depth + 1);
  if (inner) return inner;
  if (Array.isArray(e.errors) && e.errors.some((x) => unavailableStore(x, depth + 1))) return 'postgresql';
  if (PG_UNAVAILABLE.has(code) || /^08/.test(code)) return 'postgresql';
  if (SOCKET_CODES.has(code)) return 'postgresql';
  if (PG_MESSAGES.some((m) => message.startsWith(m))) return 'postgresql';
  return null;
}
