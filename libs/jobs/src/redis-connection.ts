import IORedis, { Redis } from 'ioredis';

/** BullMQ workers need maxRetriesPerRequest: null (blocking commands must not time out). */
export function createRedisConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

/**
 * The producer's connection (API requests, handlers that enqueue): fails fast instead of queueing
 * commands while Redis is away (ioredis' offline queue would hold a request until Redis returns).
 * It keeps reconnecting in the background, so enqueues work again as soon as Redis is back.
 */
export function createProducerConnection(url: string, commandTimeoutMs: number): Redis {
  const connection = new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: commandTimeoutMs,
    commandTimeout: commandTimeoutMs,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Errors surface on the commands; the event only says the connection is down (once per attempt).
  connection.on('error', () => undefined);
  return connection;
}
